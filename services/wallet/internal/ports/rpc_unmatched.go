package ports

import (
	"context"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func (e *endpoints) listUnmatched(ctx context.Context, req walletrpc.ListUnmatchedRequest) (walletrpc.UnmatchedPage, error) {
	v := domain.Validation{}
	requireActor(v, req.Actor)
	v.Require(req.Status == "" || req.Status == domain.UnmatchedOpen || req.Status == domain.UnmatchedResolved,
		"status", "must be OPEN or RESOLVED")
	v.Require(optionalID(req.Cursor), "cursor", "must be the next_cursor of a previous page")
	if err := v.Err(); err != nil {
		return walletrpc.UnmatchedPage{}, problem(err)
	}
	page, err := e.app.Queries.ListUnmatched.Handle(ctx, req.Status, req.Cursor, walletrpc.PageLimit(req.Limit))
	if err != nil {
		return walletrpc.UnmatchedPage{}, problem(err)
	}
	return walletrpc.UnmatchedPage{Items: mapAll(page.Items, toUnmatched), NextCursor: page.Next}, nil
}

func (e *endpoints) resolveUnmatched(ctx context.Context, req walletrpc.ResolveUnmatchedRequest) (walletrpc.UnmatchedPayment, error) {
	v := domain.Validation{}
	requireID(v, "unmatched_id", req.UnmatchedID)
	if err := v.Err(); err != nil {
		return walletrpc.UnmatchedPayment{}, problem(err)
	}
	u, err := e.app.Commands.ResolveUnmatched.Handle(ctx, app.Resolution{Actor: req.Actor, UnmatchedID: req.UnmatchedID, Resolution: req.Resolution})
	if err != nil {
		return walletrpc.UnmatchedPayment{}, problem(err)
	}
	return toUnmatched(u), nil
}
