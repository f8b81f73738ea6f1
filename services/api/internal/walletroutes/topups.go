package walletroutes

import (
	"context"
	"net/http"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// registerTopups adds the /wallet/topups routes.
func (m *Module) registerTopups(r *httpapi.Routes) {
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/topups", Access: httpapi.User, Tags: []string{tag},
		Summary: "Start a top-up",
		Description: "Creates a CREATED top-up of 1 to 100000000000 cents; the provider's webhook moves it to PROCESSING " +
			"and COMPLETED (crediting the wallet once) or FAILED. A provider event must match the top-up's provider, " +
			"amount and currency; one that does not is kept as an unmatched payment for an admin. A success for a top-up " +
			"cancelled meanwhile still credits it: the money arrived.",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: walletrpc.Topup{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden, http.StatusConflict},
	}, m.createTopup)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/topups", Access: httpapi.User, Tags: []string{tag},
		Summary: "The caller's top-ups, newest first", Parameters: paging.Parameters(),
	}, m.listTopups)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/topups/{id}", Access: httpapi.User, Tags: []string{tag},
		Summary: "One of the caller's top-ups", Problems: []int{http.StatusNotFound},
	}, m.topup(m.wallet.Topup))
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/topups/{id}/cancel", Access: httpapi.User, Tags: []string{tag},
		Summary: "Cancel a top-up the provider has not started processing", NoBody: true,
		Problems: []int{http.StatusNotFound, http.StatusConflict},
	}, m.topup(m.wallet.CancelTopup))
}

// createTopup answers POST /wallet/topups.
func (m *Module) createTopup(ctx context.Context, call *httpapi.Call, req topupRequest) (walletrpc.Topup, error) {
	userID, err := validate.ActingUser(caller(call), req.UserID)
	if err == nil {
		err = req.check()
	}
	if err != nil {
		return walletrpc.Topup{}, err
	}
	t, err := m.wallet.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: userID,
		AmountCents: req.AmountCents, Currency: req.Currency, Provider: req.Provider})
	call.Created(t.TopupID)
	return t, err
}

// listTopups answers GET /wallet/topups.
func (m *Module) listTopups(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[walletrpc.Topup], error) {
	limit, cursor, err := pageOf(call)
	if err != nil {
		return paging.List[walletrpc.Topup]{}, err
	}
	page, err := m.wallet.Topups(ctx, walletrpc.ListRequest{UserID: caller(call).UserID, Limit: limit, Cursor: cursor})
	return listOf(page.Items, page.NextCursor, err)
}

// topup answers a route on the caller's top-up {id} with send (get, cancel); another
// user's top-up is not found.
func (m *Module) topup(send func(context.Context, walletrpc.TopupRequest) (walletrpc.Topup, error)) func(context.Context, *httpapi.Call, struct{}) (walletrpc.Topup, error) {
	return func(ctx context.Context, call *httpapi.Call, _ struct{}) (walletrpc.Topup, error) {
		return send(ctx, walletrpc.TopupRequest{UserID: caller(call).UserID, TopupID: call.Path("id")})
	}
}
