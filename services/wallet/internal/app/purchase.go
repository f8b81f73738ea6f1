package app

import (
	"time"

	"tickup.dev/pkg/contract/events"
)

// Purchase is what the wallet needs of a purchase event.
type Purchase struct {
	PurchaseID  string
	UserID      string
	PoolID      string
	AmountCents int64
	Currency    string
	Method      string // events.PaymentWallet or events.PaymentProvider
	Reason      string
	// HoldExpiresAt is the api's hold deadline: the api fails the purchase if it is still
	// PENDING then, and the wallet releases on that failure. nil for events that predate it.
	HoldExpiresAt *time.Time
}

// Ticket is what the wallet needs of a ticket event.
type Ticket struct {
	TicketID    string
	PurchaseID  string
	PoolID      string
	UserID      string
	AmountCents int64
	Currency    string
	Method      string // "" when the event predates payment_method: a hold then means wallet-paid
	Reason      string
}

// walletPaid reports whether a purchase paid from the wallet.
func walletPaid(method string) bool { return method == events.PaymentWallet }
