package app

import (
	"strconv"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
)

// entryPosted, holdPlaced and holdRejected are the events the wallet publishes, built from
// what a command changed.
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
