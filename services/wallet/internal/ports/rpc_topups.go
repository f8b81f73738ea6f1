package ports

import (
	"context"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func (e *endpoints) createTopup(ctx context.Context, req walletrpc.CreateTopupRequest) (walletrpc.Topup, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	if err := v.Err(); err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	t, err := e.app.Commands.CreateTopup.Handle(ctx, app.NewTopup{UserID: req.UserID, AmountCents: req.AmountCents,
		Currency: req.Currency, Provider: req.Provider})
	if err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	return toTopup(t), nil
}

func (e *endpoints) getTopup(ctx context.Context, req walletrpc.TopupRequest) (walletrpc.Topup, error) {
	if err := checkTopupRequest(req); err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	t, err := e.app.Queries.GetTopup.Handle(ctx, req.UserID, req.TopupID)
	if err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	return toTopup(t), nil
}

func (e *endpoints) cancelTopup(ctx context.Context, req walletrpc.TopupRequest) (walletrpc.Topup, error) {
	if err := checkTopupRequest(req); err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	t, err := e.app.Commands.CancelTopup.Handle(ctx, req.UserID, req.TopupID)
	if err != nil {
		return walletrpc.Topup{}, problem(err)
	}
	return toTopup(t), nil
}

func (e *endpoints) listTopups(ctx context.Context, req walletrpc.ListRequest) (walletrpc.TopupPage, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	v.Require(optionalID(req.Cursor), "cursor", "must be the next_cursor of a previous page")
	if err := v.Err(); err != nil {
		return walletrpc.TopupPage{}, problem(err)
	}
	page, err := e.app.Queries.ListTopups.Handle(ctx, req.UserID, req.Cursor, walletrpc.PageLimit(req.Limit))
	if err != nil {
		return walletrpc.TopupPage{}, problem(err)
	}
	return walletrpc.TopupPage{Items: mapAll(page.Items, toTopup), NextCursor: page.Next}, nil
}

func checkTopupRequest(req walletrpc.TopupRequest) error {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	requireID(v, "topup_id", req.TopupID)
	return v.Err()
}
