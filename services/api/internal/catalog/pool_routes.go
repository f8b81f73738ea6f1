package catalog

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
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
	one := []openapi.Response{{Status: http.StatusOK, Body: Pool{}}}
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/pools", Access: httpapi.Admin, Tags: tags,
		Summary: "Open a pool of a prize (admin)", Body: poolCreate{},
		Description: "Reserves winners_count units of the prize's stock and publishes the draw's commitment before any sale.",
		Responses:   []openapi.Response{{Status: http.StatusCreated, Body: Pool{}, Headers: []string{"Location"}}},
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.createPool)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools", Access: httpapi.Public, Tags: tags,
		Summary: "List pools, oldest first", Parameters: poolFilters(),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Pool]{}}},
	}, m.listPools)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}", Access: httpapi.Public, Tags: tags,
		Summary: "Get a pool", Responses: one, Problems: []int{http.StatusNotFound},
	}, m.getPool)
	for _, method := range []string{http.MethodPut, http.MethodPatch} {
		r.Handle(httpapi.Route{Method: method, Path: "/pools/{id}", Access: httpapi.Admin, Tags: tags,
			Summary: "Change an OPEN pool (admin): the fields sent change", Body: poolUpdate{}, Responses: one,
			Problems: []int{http.StatusNotFound, http.StatusConflict},
		}, m.updatePool)
	}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}/tickets/count", Access: httpapi.Public, Tags: tags,
		Summary:   "How many tickets a pool has sold",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: TicketsCount{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.ticketsCount)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/pools/{id}/cancel", Access: httpapi.Admin, Tags: tags,
		Summary: "Cancel an OPEN pool (admin)", Body: poolCancel{},
		Description: "The body is optional. Every ticket is voided and its purchase refunded; the prize's stock is returned.",
		Responses:   one, Problems: []int{http.StatusNotFound, http.StatusConflict},
	}, m.cancelPool)
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

func (m *Module) createPool(c *gin.Context) {
	var req poolCreate
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.CreatePool(c.Request.Context(), req.toRPC())
	m.created(c, p.PoolID, toPool(p), err)
}

func (m *Module) listPools(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	req := ticketingrpc.ListPoolsRequest{PrizeID: strings.ToLower(c.Query("prize_id")), State: c.Query("state"),
		Limit: limit, Cursor: cursor}
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
		problem.Fail(c, m.log, err)
		return
	}
	page, err := m.ticketing.ListPools(c.Request.Context(), req)
	m.answer(c, http.StatusOK, listOf(page.Items, page.NextCursor, toPool), err)
}

func (m *Module) getPool(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.GetPool(c.Request.Context(), id)
	m.answer(c, http.StatusOK, toPool(p), err)
}

func (m *Module) updatePool(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	var req poolUpdate
	if err == nil {
		err = problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes)
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.UpdatePool(c.Request.Context(), req.toRPC(id))
	m.answer(c, http.StatusOK, toPool(p), err)
}

func (m *Module) ticketsCount(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	n, err := m.ticketing.TicketsCount(c.Request.Context(), id)
	m.answer(c, http.StatusOK, TicketsCount(n), err)
}

func (m *Module) cancelPool(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	var req poolCancel
	if err == nil && c.Request.ContentLength != 0 {
		err = problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes)
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.CancelPool(c.Request.Context(), ticketingrpc.CancelPoolRequest{PoolID: id, Reason: req.Reason})
	m.answer(c, http.StatusOK, toPool(p), err)
}
