package ports

import (
	"context"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func (e *endpoints) requestWithdrawal(ctx context.Context, req walletrpc.WithdrawalCreateRequest) (walletrpc.Withdrawal, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	if err := v.Err(); err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	w, err := e.app.Commands.RequestWithdrawal.Handle(ctx, app.NewWithdrawal{UserID: req.UserID, RequestedBy: req.RequestedBy, AmountCents: req.AmountCents,
		Currency: req.Currency, Provider: req.Provider, Destination: req.Destination})
	return withdrawalReply(w, err)
}

func (e *endpoints) getWithdrawal(ctx context.Context, req walletrpc.WithdrawalRequest) (walletrpc.Withdrawal, error) {
	v := domain.Validation{}
	requireID(v, "withdrawal_id", req.WithdrawalID)
	if req.Actor == "" {
		requireID(v, "user_id", req.UserID)
	}
	if err := v.Err(); err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	w, err := e.app.Queries.GetWithdrawal.Handle(ctx, req.UserID, req.WithdrawalID)
	return withdrawalReply(w, err)
}

func (e *endpoints) listWithdrawals(ctx context.Context, req walletrpc.ListWithdrawalsRequest) (walletrpc.WithdrawalPage, error) {
	v := domain.Validation{}
	if req.Actor == "" || req.UserID != "" {
		requireID(v, "user_id", req.UserID)
	}
	v.Require(optionalID(req.Cursor), "cursor", "must be the next_cursor of a previous page")
	if err := v.Err(); err != nil {
		return walletrpc.WithdrawalPage{}, problem(err)
	}
	page, err := e.app.Queries.ListWithdrawals.Handle(ctx, req.UserID, req.Status, req.Cursor, walletrpc.PageLimit(req.Limit))
	if err != nil {
		return walletrpc.WithdrawalPage{}, problem(err)
	}
	return walletrpc.WithdrawalPage{Items: mapAll(page.Items, toWithdrawal), NextCursor: page.Next}, nil
}

func (e *endpoints) cancelWithdrawal(ctx context.Context, req walletrpc.WithdrawalRequest) (walletrpc.Withdrawal, error) {
	v := domain.Validation{}
	requireID(v, "user_id", req.UserID)
	requireID(v, "withdrawal_id", req.WithdrawalID)
	if err := v.Err(); err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	w, err := e.app.Commands.CancelWithdrawal.Handle(ctx, req.UserID, req.WithdrawalID)
	return withdrawalReply(w, err)
}

func (e *endpoints) approveWithdrawal(ctx context.Context, req walletrpc.DecisionRequest) (walletrpc.Withdrawal, error) {
	if err := checkDecision(req); err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	w, err := e.app.Commands.ApproveWithdrawal.Handle(ctx, app.Decision{Actor: req.Actor, WithdrawalID: req.WithdrawalID, Reason: req.Reason})
	return withdrawalReply(w, err)
}

func (e *endpoints) rejectWithdrawal(ctx context.Context, req walletrpc.DecisionRequest) (walletrpc.Withdrawal, error) {
	if err := checkDecision(req); err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	w, err := e.app.Commands.RejectWithdrawal.Handle(ctx, app.Decision{Actor: req.Actor, WithdrawalID: req.WithdrawalID, Reason: req.Reason})
	return withdrawalReply(w, err)
}

func checkDecision(req walletrpc.DecisionRequest) error {
	v := domain.Validation{}
	requireActor(v, req.Actor)
	requireID(v, "withdrawal_id", req.WithdrawalID)
	return v.Err()
}

func withdrawalReply(w domain.Withdrawal, err error) (walletrpc.Withdrawal, error) {
	if err != nil {
		return walletrpc.Withdrawal{}, problem(err)
	}
	return toWithdrawal(w), nil
}
