package catalog

import (
	"context"
	"net/http"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
)

// registerPrizes adds /prizes: anyone reads, admins write.
func (m *Module) registerPrizes(r *httpapi.Routes) {
	const tag = "prizes"
	tags := []string{tag}
	r.Document().AddTag(tag, "Sponsors' prizes and their stock; each pool of a prize reserves winners_count units.")
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/prizes", Access: httpapi.Admin, Tags: tags,
		Summary:   "Create a prize (admin)",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: ticketingrpc.Prize{}, Headers: []string{"Location"}}},
	}, m.createPrize)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/prizes", Access: httpapi.Public, Tags: tags,
		Summary: "List prizes, oldest first", Parameters: paging.Parameters(),
	}, m.listPrizes)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/prizes/{id}", Access: httpapi.Public, Tags: tags,
		Summary: "Get a prize", Problems: []int{http.StatusNotFound},
	}, httpapi.Forward(ticketingrpc.PrizeGet.Bind(m.nc)))
	for _, method := range []string{http.MethodPut, http.MethodPatch} {
		httpapi.Handle(r, httpapi.Route{Method: method, Path: "/prizes/{id}", Access: httpapi.Admin, Tags: tags,
			Summary:  "Change a prize (admin): the fields sent change",
			Problems: []int{http.StatusNotFound, http.StatusConflict},
		}, httpapi.Forward(ticketingrpc.PrizeUpdate.Bind(m.nc)))
	}
	httpapi.Handle(r, httpapi.Route{Method: http.MethodDelete, Path: "/prizes/{id}", Access: httpapi.Admin, Tags: tags,
		Summary:   "Delete a prize that no pool uses (admin)",
		Responses: []openapi.Response{{Status: http.StatusNoContent}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, httpapi.Forward(ticketingrpc.PrizeDelete.Bind(m.nc)))
}

func (m *Module) createPrize(ctx context.Context, call *httpapi.Call, req ticketingrpc.CreatePrizeRequest) (ticketingrpc.Prize, error) {
	p, err := m.ticketing.CreatePrize(ctx, req)
	call.Created(p.PrizeID)
	return p, err
}

func (m *Module) listPrizes(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[ticketingrpc.Prize], error) {
	page, err := call.Page()
	if err != nil {
		return paging.List[ticketingrpc.Prize]{}, err
	}
	out, err := m.ticketing.ListPrizes(ctx, ticketingrpc.ListPrizesRequest{Limit: page.Limit, Cursor: call.Cursor()})
	return paging.Of(out.Items, out.NextCursor), err
}
