// Package purchase is the purchase saga's process manager: Next says, for a purchase as it
// stands and one thing that happened to it (the wallet held the money, a card payment
// succeeded, ticketing issued the ticket, the provider refunded the card…), what the
// purchase becomes and what must happen next. It does no I/O; the api's app package loads
// the purchase, calls Next, saves it and carries out the commands in one transaction
// (docs/architecture.md, "The purchase saga").
package purchase

import (
	"slices"
	"time"
)

// Purchase statuses. FAILED and REFUNDED are terminal; DISPUTED (the buyer disputed the
// card payment) lasts until the dispute closes.
const (
	StatusPending   = "PENDING"
	StatusConfirmed = "CONFIRMED"
	StatusFailed    = "FAILED"
	StatusRefunded  = "REFUNDED"
	StatusDisputed  = "DISPUTED"
)

// Payment methods.
const (
	MethodWallet   = "wallet"   // held from the buyer's wallet, confirmed by the hold
	MethodProvider = "provider" // paid by card, confirmed by the provider's signed webhook
)

// Purchase is a purchase as the saga reads and writes it.
type Purchase struct {
	ID             string
	UserID         string
	PoolID         string
	Type           string // ENTRY, BOOST, RETRY
	TicketID       string // BOOST: the ticket to boost
	LosingTicketID string // RETRY: the losing ticket retried
	Status         string
	AmountCents    int64
	Currency       string
	Method         string // MethodWallet or MethodProvider
	Provider       string // the provider whose webhook settles a card payment
	ProviderTxnID  string // the client's hint until a verified source binds SettledTxnID
	SettledTxnID   string // the provider transaction a verified source bound to it
	IssuedTicketID string // the ticket issued (ENTRY, RETRY) or boosted (BOOST) for it
	FailureReason  string // why it failed or was refunded
	RefundedCents  int64  // the largest total the provider reported refunded to the card
	HoldExpiresAt  *time.Time
	// HoldExpired says that the hold deadline had passed, on the database's clock (the one
	// clock every expiry decision reads), when the purchase was read under its lock.
	HoldExpired bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// legal lists the statuses each status may move to; FAILED and REFUNDED lead nowhere. A
// dispute ends REFUNDED (lost) or back CONFIRMED (won).
func legal() map[string][]string {
	return map[string][]string{
		StatusPending:   {StatusConfirmed, StatusFailed},
		StatusConfirmed: {StatusRefunded, StatusDisputed},
		StatusDisputed:  {StatusRefunded, StatusConfirmed},
	}
}

// Legal reports whether a purchase may move from one status to another.
func Legal(from, to string) bool { return slices.Contains(legal()[from], to) }
