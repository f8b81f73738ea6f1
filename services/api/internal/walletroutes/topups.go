package walletroutes

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// registerTopups adds the /wallet/topups routes.
func (m *Module) registerTopups(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/topups", Access: httpapi.User, Tags: []string{tag},
		Summary: "Start a top-up", Body: topupRequest{},
		Description: "Creates a CREATED top-up of 1 to 100000000000 cents; the provider's webhook moves it to PROCESSING " +
			"and COMPLETED (crediting the wallet once) or FAILED. A provider event must match the top-up's provider, " +
			"amount and currency; one that does not is kept as an unmatched payment for an admin. A success for a top-up " +
			"cancelled meanwhile still credits it: the money arrived.",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: Topup{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden, http.StatusConflict},
	}, m.createTopup)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/topups", Access: httpapi.User, Tags: []string{tag},
		Summary: "The caller's top-ups, newest first", Parameters: paging.Parameters(),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Topup]{}}},
	}, m.listTopups)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/topups/{id}", Access: httpapi.User, Tags: []string{tag},
		Summary:   "One of the caller's top-ups",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Topup{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.getTopup)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/topups/{id}/cancel", Access: httpapi.User, Tags: []string{tag},
		Summary:   "Cancel a top-up the provider has not started processing",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Topup{}}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, m.cancelTopup)
}

// createTopup answers POST /wallet/topups.
func (m *Module) createTopup(c *gin.Context) {
	var req topupRequest
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
	t, err := m.wallet.CreateTopup(c.Request.Context(), walletrpc.CreateTopupRequest{UserID: userID,
		AmountCents: req.AmountCents, Currency: req.Currency, Provider: req.Provider})
	created(m, c, t, func(t walletrpc.Topup) string { return t.TopupID }, err, toTopup)
}

// listTopups answers GET /wallet/topups.
func (m *Module) listTopups(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	if m.fail(c, err) {
		return
	}
	page, err := m.wallet.Topups(c.Request.Context(), walletrpc.ListRequest{UserID: caller(c).UserID, Limit: limit, Cursor: cursor})
	listAnswer(m, c, page.Items, page.NextCursor, err, toTopup)
}

// getTopup answers GET /wallet/topups/{id}; another user's top-up is not found.
func (m *Module) getTopup(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	t, err := m.wallet.Topup(c.Request.Context(), walletrpc.TopupRequest{UserID: caller(c).UserID, TopupID: id})
	answer(m, c, http.StatusOK, t, err, toTopup)
}

// cancelTopup answers POST /wallet/topups/{id}/cancel.
func (m *Module) cancelTopup(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	t, err := m.wallet.CancelTopup(c.Request.Context(), walletrpc.TopupRequest{UserID: caller(c).UserID, TopupID: id})
	answer(m, c, http.StatusOK, t, err, toTopup)
}
