package ports

import (
	"context"
	"strconv"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func (e *endpoints) getWallet(ctx context.Context, req walletrpc.WalletRequest) (walletrpc.Wallet, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	if err := v.Err(); err != nil {
		return walletrpc.Wallet{}, problem(err)
	}
	view, err := e.app.Queries.GetWallet.Handle(ctx, req.UserID)
	if err != nil {
		return walletrpc.Wallet{}, problem(err)
	}
	return toWallet(view), nil
}

func (e *endpoints) listLedger(ctx context.Context, req walletrpc.LedgerRequest) (walletrpc.LedgerPage, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	var cursor int64
	if req.Cursor != "" {
		n, err := strconv.ParseInt(req.Cursor, 10, 64)
		v.Require(err == nil && n > 0, "cursor", "must be the next_cursor of a previous page")
		cursor = n
	}
	if err := v.Err(); err != nil {
		return walletrpc.LedgerPage{}, problem(err)
	}
	entries, next, err := e.app.Queries.ListLedger.Handle(ctx, req.UserID, req.Reason, cursor, walletrpc.PageLimit(req.Limit))
	if err != nil {
		return walletrpc.LedgerPage{}, problem(err)
	}
	page := walletrpc.LedgerPage{Items: mapAll(entries, toEntry)}
	if next > 0 {
		page.NextCursor = strconv.FormatInt(next, 10)
	}
	return page, nil
}

func (e *endpoints) adjust(ctx context.Context, req walletrpc.AdjustmentRequest) (walletrpc.Entry, error) {
	v := domain.Validation{}
	requireActor(v, req.Actor)
	requireID(v, "user_id", req.UserID)
	if err := v.Err(); err != nil {
		return walletrpc.Entry{}, problem(err)
	}
	entry, err := e.app.Commands.AdjustBalance.Handle(ctx, app.Adjustment{Actor: req.Actor, UserID: req.UserID, Direction: req.Direction,
		AmountCents: req.AmountCents, Currency: req.Currency, Reason: req.Reason})
	if err != nil {
		return walletrpc.Entry{}, problem(err)
	}
	return toEntry(entry), nil
}

func (e *endpoints) reverse(ctx context.Context, req walletrpc.ReversalRequest) (walletrpc.Entry, error) {
	entry, err := e.app.Commands.ReverseEntry.Handle(ctx, app.Reversal{Actor: req.Actor, EntryID: req.EntryID, Reason: req.Reason})
	if err != nil {
		return walletrpc.Entry{}, problem(err)
	}
	return toEntry(entry), nil
}

func (e *endpoints) suspend(ctx context.Context, req walletrpc.StatusRequest) (walletrpc.Wallet, error) {
	return e.setStatus(ctx, req, domain.AccountSuspended)
}

func (e *endpoints) activate(ctx context.Context, req walletrpc.StatusRequest) (walletrpc.Wallet, error) {
	return e.setStatus(ctx, req, domain.AccountActive)
}

func (e *endpoints) setStatus(ctx context.Context, req walletrpc.StatusRequest, status string) (walletrpc.Wallet, error) {
	v := domain.Validation{}
	requireActor(v, req.Actor)
	requireID(v, "user_id", req.UserID)
	if err := v.Err(); err != nil {
		return walletrpc.Wallet{}, problem(err)
	}
	_, err := e.app.Commands.SetWalletStatus.Handle(ctx, app.StatusChange{Actor: req.Actor, UserID: req.UserID, Status: status, Reason: req.Reason})
	if err != nil {
		return walletrpc.Wallet{}, problem(err)
	}
	return e.getWallet(ctx, walletrpc.WalletRequest{UserID: req.UserID})
}
