package catalog

import (
	"context"
	"net/http"
	"strings"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/purchases"
	"tickup.dev/services/api/internal/validate"
)

// registerTickets adds /tickets: the caller's own tickets, and the seed's redeem.
func (m *Module) registerTickets(r *httpapi.Routes) {
	const tag = "tickets"
	tags := []string{tag}
	r.Document().AddTag(tag, "Your numbered tickets. Tickets are issued automatically once a purchase is confirmed.")
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/tickets", Access: httpapi.User, Tags: tags,
		Summary: "Redeem a confirmed ENTRY purchase for its ticket",
		Description: "Never issues a second ticket: 200 with the purchase's ticket once issued, 202 with the purchase " +
			"(and its Location) while issuance is in flight, 409 if the purchase is not paid, failed, was rejected or refunded.",
		Body: redeemRequest{},
		Responses: []openapi.Response{{Status: http.StatusOK, Body: ticketingrpc.Ticket{}},
			{Status: http.StatusAccepted, Body: purchases.Purchase{}, Headers: []string{"Location"}}},
		Problems: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, m.redeem)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/tickets", Access: httpapi.User, Tags: tags,
		Summary: "List your tickets, oldest first",
		Parameters: append(paging.Parameters(),
			openapi.Query("pool_id", "Only tickets of this pool.", openapi.String("uuid"))),
	}, m.listTickets)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/tickets/{id}", Access: httpapi.User, Tags: tags,
		Summary: "Get one of your tickets", Problems: []int{http.StatusNotFound},
	}, m.getTicket)
}

// listTickets answers GET /tickets: the caller's tickets, of one pool with ?pool_id=.
func (m *Module) listTickets(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[ticketingrpc.Ticket], error) {
	page, err := call.Page()
	poolID, _ := call.Query("pool_id")
	req := ticketingrpc.ListTicketsRequest{UserID: call.Caller.UserID, PoolID: strings.ToLower(poolID),
		Limit: page.Limit, Cursor: call.Cursor()}
	if err == nil && req.PoolID != "" {
		var chk validate.Checker
		chk.UUID("pool_id", req.PoolID)
		err = chk.Err()
	}
	if err != nil {
		return paging.List[ticketingrpc.Ticket]{}, err
	}
	out, err := m.ticketing.ListTickets(ctx, req)
	return paging.Of(out.Items, out.NextCursor), err
}

// getTicket answers GET /tickets/{id}; someone else's ticket is not found (admins and
// services see every ticket).
func (m *Module) getTicket(ctx context.Context, call *httpapi.Call, req ticketingrpc.TicketRequest) (ticketingrpc.Ticket, error) {
	if req.UserID = call.Caller.UserID; call.Caller.Role == auth.RoleAdmin || call.Caller.Role == auth.RoleService {
		req.UserID = ""
	}
	return m.ticketing.GetTicket(ctx, req)
}
