package walletroutes

import (
	"context"
	"net/http"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// registerWithdrawals adds the /wallet/withdrawals routes a user calls.
func (m *Module) registerWithdrawals(r *httpapi.Routes) {
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/withdrawals", Access: httpapi.User, Tags: []string{tag},
		Summary: "Request a withdrawal",
		Description: "Holds the amount and creates a REQUESTED withdrawal for an admin to approve or reject. " +
			"amount_cents is 1 to 100000000000. Minimum and daily limits apply (422 limit-exceeded); the available " +
			"balance must cover it (422 insufficient-funds). An admin or a service may name another user_id: the " +
			"withdrawal records them as requested_by, and another admin (neither the requester nor the owner) must approve it.",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: walletrpc.Withdrawal{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden, http.StatusConflict},
	}, m.requestWithdrawal)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/withdrawals", Access: httpapi.User, Tags: []string{tag},
		Summary:     "Withdrawals, newest first",
		Description: "The caller's own; an admin sees everyone's with ?all=true, or one user's with ?user_id=.",
		Parameters:  append(paging.Parameters(), withdrawalFilters()...),
		Problems:    []int{http.StatusForbidden},
	}, m.listWithdrawals)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/withdrawals/{id}", Access: httpapi.User, Tags: []string{tag},
		Summary: "One withdrawal (the caller's own; any for an admin)", Problems: []int{http.StatusNotFound},
	}, m.getWithdrawal)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/withdrawals/{id}/cancel", Access: httpapi.User, Tags: []string{tag},
		Summary: "Cancel the caller's REQUESTED withdrawal, releasing its hold", NoBody: true,
		Problems: []int{http.StatusNotFound, http.StatusConflict},
	}, m.cancelWithdrawal)
}

// withdrawalFilters documents the list's filters.
func withdrawalFilters() []openapi.Parameter {
	status := openapi.String("")
	for _, s := range withdrawalStates {
		status.Enum = append(status.Enum, s)
	}
	return []openapi.Parameter{
		openapi.Query("status", "Only withdrawals in this state.", status),
		openapi.Query("user_id", "Only this user's withdrawals (admins; a user may name only themselves).", openapi.String("uuid")),
		openapi.Query("all", "true: everyone's withdrawals (admins only).", &openapi.Schema{Type: "boolean"}),
	}
}

// requestWithdrawal answers POST /wallet/withdrawals.
func (m *Module) requestWithdrawal(ctx context.Context, call *httpapi.Call, req withdrawalRequest) (walletrpc.Withdrawal, error) {
	userID, err := validate.ActingUser(caller(call), req.UserID)
	if err == nil {
		err = req.check()
	}
	if err != nil {
		return walletrpc.Withdrawal{}, err
	}
	w, err := m.wallet.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: userID, RequestedBy: requester(caller(call)),
		AmountCents: req.AmountCents, Currency: req.Currency, Provider: req.Provider, Destination: req.Destination})
	call.Created(w.WithdrawalID)
	return w, err
}

// listWithdrawals answers GET /wallet/withdrawals.
func (m *Module) listWithdrawals(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[walletrpc.Withdrawal], error) {
	limit, cursor, err := pageOf(call)
	if err != nil {
		return paging.List[walletrpc.Withdrawal]{}, err
	}
	req, err := withdrawalQuery(call, caller(call))
	if err != nil {
		return paging.List[walletrpc.Withdrawal]{}, err
	}
	req.Limit, req.Cursor = limit, cursor
	page, err := m.wallet.Withdrawals(ctx, req)
	return listOf(page.Items, page.NextCursor, err)
}

// getWithdrawal answers GET /wallet/withdrawals/{id}; a user's request for another user's
// withdrawal is not found.
func (m *Module) getWithdrawal(ctx context.Context, call *httpapi.Call, _ struct{}) (walletrpc.Withdrawal, error) {
	req := walletrpc.WithdrawalRequest{UserID: caller(call).UserID, WithdrawalID: call.Path("id")}
	if who := caller(call); who.Role == auth.RoleAdmin {
		req.UserID, req.Actor = "", who.UserID
	}
	return m.wallet.Withdrawal(ctx, req)
}

// cancelWithdrawal answers POST /wallet/withdrawals/{id}/cancel (the owner only).
func (m *Module) cancelWithdrawal(ctx context.Context, call *httpapi.Call, _ struct{}) (walletrpc.Withdrawal, error) {
	return m.wallet.CancelWithdrawal(ctx, walletrpc.WithdrawalRequest{UserID: caller(call).UserID, WithdrawalID: call.Path("id")})
}
