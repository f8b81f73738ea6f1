package walletroutes

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// registerWithdrawals adds the /wallet/withdrawals routes a user calls.
func (m *Module) registerWithdrawals(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/withdrawals", Access: httpapi.User, Tags: []string{tag},
		Summary: "Request a withdrawal", Body: withdrawalRequest{},
		Description: "Holds the amount and creates a REQUESTED withdrawal for an admin to approve or reject. " +
			"amount_cents is 1 to 100000000000. Minimum and daily limits apply (422 limit-exceeded); the available " +
			"balance must cover it (422 insufficient-funds). An admin or a service may name another user_id: the " +
			"withdrawal records them as requested_by, and another admin (neither the requester nor the owner) must approve it.",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: Withdrawal{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden, http.StatusConflict},
	}, m.requestWithdrawal)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/withdrawals", Access: httpapi.User, Tags: []string{tag},
		Summary:     "Withdrawals, newest first",
		Description: "The caller's own; an admin sees everyone's with ?all=true, or one user's with ?user_id=.",
		Parameters:  append(paging.Parameters(), withdrawalFilters()...),
		Responses:   []openapi.Response{{Status: http.StatusOK, Body: paging.List[Withdrawal]{}}},
		Problems:    []int{http.StatusForbidden},
	}, m.listWithdrawals)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/withdrawals/{id}", Access: httpapi.User, Tags: []string{tag},
		Summary:   "One withdrawal (the caller's own; any for an admin)",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Withdrawal{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.getWithdrawal)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/withdrawals/{id}/cancel", Access: httpapi.User, Tags: []string{tag},
		Summary:   "Cancel the caller's REQUESTED withdrawal, releasing its hold",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Withdrawal{}}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
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
func (m *Module) requestWithdrawal(c *gin.Context) {
	var req withdrawalRequest
	if !m.decode(c, &req) {
		return
	}
	userID, err := validate.ActingUser(caller(c), req.UserID)
	if err == nil {
		err = req.check()
	}
	if m.fail(c, err) {
		return
	}
	w, err := m.wallet.RequestWithdrawal(c.Request.Context(), walletrpc.WithdrawalCreateRequest{UserID: userID, RequestedBy: requester(caller(c)),
		AmountCents: req.AmountCents, Currency: req.Currency, Provider: req.Provider, Destination: req.Destination})
	created(m, c, w, func(w walletrpc.Withdrawal) string { return w.WithdrawalID }, err, toWithdrawal)
}

// listWithdrawals answers GET /wallet/withdrawals.
func (m *Module) listWithdrawals(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	if m.fail(c, err) {
		return
	}
	req, err := withdrawalQuery(c, caller(c))
	if m.fail(c, err) {
		return
	}
	req.Limit, req.Cursor = limit, cursor
	page, err := m.wallet.Withdrawals(c.Request.Context(), req)
	listAnswer(m, c, page.Items, page.NextCursor, err, toWithdrawal)
}

// getWithdrawal answers GET /wallet/withdrawals/{id}; a user's request for another user's
// withdrawal is not found.
func (m *Module) getWithdrawal(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	req := walletrpc.WithdrawalRequest{UserID: caller(c).UserID, WithdrawalID: id}
	if who := caller(c); who.Role == auth.RoleAdmin {
		req.UserID, req.Actor = "", who.UserID
	}
	w, err := m.wallet.Withdrawal(c.Request.Context(), req)
	answer(m, c, http.StatusOK, w, err, toWithdrawal)
}

// cancelWithdrawal answers POST /wallet/withdrawals/{id}/cancel (the owner only).
func (m *Module) cancelWithdrawal(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	w, err := m.wallet.CancelWithdrawal(c.Request.Context(), walletrpc.WithdrawalRequest{UserID: caller(c).UserID, WithdrawalID: id})
	answer(m, c, http.StatusOK, w, err, toWithdrawal)
}
