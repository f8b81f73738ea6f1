package catalog

import (
	"context"
	"net/http"
	"strings"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// poolStates are the states of a pool, for the list filter.
func poolStates() []string {
	return []string{ticketingrpc.StateOpen, ticketingrpc.StateFull, ticketingrpc.StateStarted,
		ticketingrpc.StateDrawn, ticketingrpc.StateCancelled}
}

// registerPools adds /pools: anyone reads, admins write and cancel.
func (m *Module) registerPools(r *httpapi.Routes) {
	const tag = "pools"
	tags := []string{tag}
	r.Document().AddTag(tag, "Pools of numbered tickets: OPEN → FULL → STARTED → DRAWN, or CANCELLED (tickets voided and refunded).")
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/pools", Access: httpapi.Admin, Tags: tags,
		Summary:     "Open a pool of a prize (admin)",
		Description: "Reserves winners_count units of the prize's stock and publishes the draw's commitment before any sale.",
		Responses:   []openapi.Response{{Status: http.StatusCreated, Body: ticketingrpc.Pool{}, Headers: []string{"Location"}}},
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.createPool)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/pools", Access: httpapi.Public, Tags: tags,
		Summary: "List pools, oldest first", Parameters: poolFilters(),
	}, m.listPools)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}", Access: httpapi.Public, Tags: tags,
		Summary: "Get a pool", Problems: []int{http.StatusNotFound},
	}, httpapi.Forward(ticketingrpc.PoolGet.Bind(m.nc)))
	for _, method := range []string{http.MethodPut, http.MethodPatch} {
		httpapi.Handle(r, httpapi.Route{Method: method, Path: "/pools/{id}", Access: httpapi.Admin, Tags: tags,
			Summary:  "Change an OPEN pool (admin): the fields sent change",
			Problems: []int{http.StatusNotFound, http.StatusConflict},
		}, httpapi.Forward(ticketingrpc.PoolUpdate.Bind(m.nc)))
	}
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}/tickets/count", Access: httpapi.Public, Tags: tags,
		Summary: "How many tickets a pool has sold", Problems: []int{http.StatusNotFound},
	}, httpapi.Forward(ticketingrpc.PoolTicketsCount.Bind(m.nc)))
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/pools/{id}/cancel", Access: httpapi.Admin, Tags: tags,
		Summary: "Cancel an OPEN pool (admin)", BodyOptional: true,
		Description: "The body is optional. Every ticket is voided and its purchase refunded; the prize's stock is returned.",
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, httpapi.Forward(ticketingrpc.PoolCancel.Bind(m.nc)))
}

// poolFilters documents the list's paging and filters.
func poolFilters() []openapi.Parameter {
	states := make([]any, 0, 5)
	for _, s := range poolStates() {
		states = append(states, s)
	}
	return append(paging.Parameters(),
		openapi.Query("prize_id", "Only pools of this prize.", openapi.String("uuid")),
		openapi.Query("state", "Only pools in this state.", &openapi.Schema{Type: "string", Enum: states}))
}

func (m *Module) createPool(ctx context.Context, call *httpapi.Call, req ticketingrpc.CreatePoolRequest) (ticketingrpc.Pool, error) {
	p, err := m.ticketing.CreatePool(ctx, req)
	call.Created(p.PoolID)
	return p, err
}

// listPools answers GET /pools: ?prize_id= and ?state= filter; ticketing checks the cursor,
// which it issued.
func (m *Module) listPools(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[ticketingrpc.Pool], error) {
	page, err := call.Page()
	prizeID, _ := call.Query("prize_id")
	state, _ := call.Query("state")
	req := ticketingrpc.ListPoolsRequest{PrizeID: strings.ToLower(prizeID), State: state, Limit: page.Limit, Cursor: call.Cursor()}
	var chk validate.Checker
	if req.PrizeID != "" {
		chk.UUID("prize_id", req.PrizeID)
	}
	if req.State != "" {
		chk.OneOf("state", req.State, poolStates()...)
	}
	if err == nil {
		err = chk.Err()
	}
	if err != nil {
		return paging.List[ticketingrpc.Pool]{}, err
	}
	out, err := m.ticketing.ListPools(ctx, req)
	return paging.Of(out.Items, out.NextCursor), err
}
