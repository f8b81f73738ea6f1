package app

import (
	"strconv"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
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

func entryPosted(acct domain.Account, e domain.Entry, balance int64) events.EntryPosted {
	return events.EntryPosted{SchemaVersion: events.SchemaVersion, EntryID: strconv.FormatInt(e.EntryID, 10),
		WalletID: acct.WalletID, UserID: acct.UserID, Direction: e.Direction, Reason: e.Reason, Status: e.Status,
		AmountCents: e.AmountCents, Currency: e.Currency, BalanceCents: balance, RefPurchaseID: e.RefPurchaseID,
		RefPoolID: e.RefPoolID, RefTicketID: e.RefTicketID, RefTopupID: e.RefTopupID, RefWithdrawalID: e.RefWithdrawalID}
}

func holdPlaced(acct domain.Account, h domain.Hold) events.HoldPlaced {
	return events.HoldPlaced{SchemaVersion: events.SchemaVersion, PurchaseID: h.PurchaseID, HoldID: h.HoldID,
		WalletID: acct.WalletID, UserID: acct.UserID, PoolID: h.PoolID, AmountCents: h.AmountCents,
		Currency: h.Currency, ExpiresAt: *h.ExpiresAt}
}

func holdRejected(acct domain.Account, p Purchase, code string) events.HoldRejected {
	return events.HoldRejected{SchemaVersion: events.SchemaVersion, PurchaseID: p.PurchaseID, WalletID: acct.WalletID,
		UserID: p.UserID, PoolID: p.PoolID, AmountCents: p.AmountCents, Currency: p.Currency, Reason: code}
}
