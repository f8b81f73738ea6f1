package catalog

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// registerPrizes adds /prizes: anyone reads, admins write.
func (m *Module) registerPrizes(r *httpapi.Routes) {
	const tag = "prizes"
	tags := []string{tag}
	r.Document().AddTag(tag, "Sponsors' prizes and their stock; each pool of a prize reserves winners_count units.")
	one := []openapi.Response{{Status: http.StatusOK, Body: Prize{}}}
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/prizes", Access: httpapi.Admin, Tags: tags,
		Summary: "Create a prize (admin)", Body: prizeCreate{},
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: Prize{}, Headers: []string{"Location"}}},
	}, m.createPrize)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/prizes", Access: httpapi.Public, Tags: tags,
		Summary: "List prizes, oldest first", Parameters: paging.Parameters(),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Prize]{}}},
	}, m.listPrizes)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/prizes/{id}", Access: httpapi.Public, Tags: tags,
		Summary: "Get a prize", Responses: one, Problems: []int{http.StatusNotFound},
	}, m.getPrize)
	for _, method := range []string{http.MethodPut, http.MethodPatch} {
		r.Handle(httpapi.Route{Method: method, Path: "/prizes/{id}", Access: httpapi.Admin, Tags: tags,
			Summary: "Change a prize (admin): the fields sent change", Body: prizeUpdate{}, Responses: one,
			Problems: []int{http.StatusNotFound, http.StatusConflict},
		}, m.updatePrize)
	}
	r.Handle(httpapi.Route{Method: http.MethodDelete, Path: "/prizes/{id}", Access: httpapi.Admin, Tags: tags,
		Summary:   "Delete a prize that no pool uses (admin)",
		Responses: []openapi.Response{{Status: http.StatusNoContent}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, m.deletePrize)
}

func (m *Module) createPrize(c *gin.Context) {
	var req prizeCreate
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.CreatePrize(c.Request.Context(), req.toRPC())
	m.created(c, p.PrizeID, toPrize(p), err)
}

func (m *Module) listPrizes(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	page, err := m.ticketing.ListPrizes(c.Request.Context(), ticketingrpc.ListPrizesRequest{Limit: limit, Cursor: cursor})
	m.answer(c, http.StatusOK, listOf(page.Items, page.NextCursor, toPrize), err)
}

func (m *Module) getPrize(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.GetPrize(c.Request.Context(), id)
	m.answer(c, http.StatusOK, toPrize(p), err)
}

func (m *Module) updatePrize(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	var req prizeUpdate
	if err == nil {
		err = problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes)
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	p, err := m.ticketing.UpdatePrize(c.Request.Context(), req.toRPC(id))
	m.answer(c, http.StatusOK, toPrize(p), err)
}

func (m *Module) deletePrize(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err == nil {
		err = m.ticketing.DeletePrize(c.Request.Context(), id)
	}
	if err != nil {
		problem.Fail(c, m.log, problem.FromRPC(err))
		return
	}
	c.Status(http.StatusNoContent)
}
