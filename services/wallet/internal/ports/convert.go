package ports

import (
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func toWallet(v app.WalletView) walletrpc.Wallet {
	a := v.Account
	holds := make([]walletrpc.Hold, len(v.Holds))
	for i, h := range v.Holds {
		holds[i] = toHold(h)
	}
	return walletrpc.Wallet{WalletID: a.WalletID, UserID: a.UserID, Currency: a.Currency, Status: a.Status,
		BalanceCents: a.BalanceCents, HeldCents: a.HeldCents, AvailableCents: a.AvailableCents(), Holds: holds,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

func toHold(h domain.Hold) walletrpc.Hold {
	return walletrpc.Hold{HoldID: h.HoldID, PurchaseID: h.PurchaseID, WithdrawalID: h.WithdrawalID, PoolID: h.PoolID,
		AmountCents: h.AmountCents, Currency: h.Currency, Status: h.Status, Reason: h.Reason, ExpiresAt: h.ExpiresAt,
		CreatedAt: h.CreatedAt}
}

func toEntry(e domain.Entry) walletrpc.Entry {
	return walletrpc.Entry{EntryID: e.EntryID, WalletID: e.WalletID, Direction: e.Direction, Reason: e.Reason,
		Status: e.Status, AmountCents: e.AmountCents, Currency: e.Currency, RefPurchaseID: e.RefPurchaseID,
		RefPoolID: e.RefPoolID, RefTicketID: e.RefTicketID, RefTopupID: e.RefTopupID, RefWithdrawalID: e.RefWithdrawalID,
		RefExternalTxn: e.RefExternalTxn, Actor: e.Actor, Note: e.Note, CreatedAt: e.CreatedAt, PostedAt: e.PostedAt,
		ReversedAt: e.ReversedAt, ReversalReason: e.ReversalReason}
}

func toTopup(t domain.Topup) walletrpc.Topup {
	return walletrpc.Topup{TopupID: t.TopupID, WalletID: t.WalletID, UserID: t.UserID, AmountCents: t.AmountCents,
		Currency: t.Currency, Provider: t.Provider, ProviderTxnID: t.ProviderTxnID, Status: t.Status,
		FailureReason: t.FailureReason, EntryID: t.EntryID, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt,
		CompletedAt: t.CompletedAt}
}

func toWithdrawal(w domain.Withdrawal) walletrpc.Withdrawal {
	return walletrpc.Withdrawal{WithdrawalID: w.WithdrawalID, WalletID: w.WalletID, UserID: w.UserID,
		AmountCents: w.AmountCents, Currency: w.Currency, Provider: w.Provider, Destination: w.Destination,
		ProviderTxnID: w.ProviderTxnID, Status: w.Status, HoldID: w.HoldID, EntryID: w.EntryID, RequestedBy: w.RequestedBy,
		ApprovedBy: w.ApprovedBy, DecidedBy: w.DecidedBy,
		DecisionReason: w.DecisionReason, FailureReason: w.FailureReason, CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt,
		CompletedAt: w.CompletedAt}
}

func toUnmatched(u domain.UnmatchedPayment) walletrpc.UnmatchedPayment {
	return walletrpc.UnmatchedPayment{UnmatchedID: u.UnmatchedID, Kind: u.Kind, RefID: u.RefID, WalletID: u.WalletID,
		Outcome: u.Outcome, Provider: u.Provider, ProviderTxnID: u.ProviderTxnID, ProviderEventID: u.ProviderEventID,
		AmountCents: u.AmountCents, Currency: u.Currency, Reason: u.Reason, Status: u.Status, ResolvedBy: u.ResolvedBy,
		Resolution: u.Resolution, CreatedAt: u.CreatedAt, ResolvedAt: u.ResolvedAt}
}

// mapAll converts a slice with f.
func mapAll[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
