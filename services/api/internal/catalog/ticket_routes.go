package catalog

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
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
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Ticket{}},
			{Status: http.StatusAccepted, Body: purchases.Purchase{}, Headers: []string{"Location"}}},
		Problems: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, m.redeem)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/tickets", Access: httpapi.User, Tags: tags,
		Summary: "List your tickets, oldest first",
		Parameters: append(paging.Parameters(),
			openapi.Query("pool_id", "Only tickets of this pool.", openapi.String("uuid"))),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Ticket]{}}},
	}, m.listTickets)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/tickets/{id}", Access: httpapi.User, Tags: tags,
		Summary:   "Get one of your tickets",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Ticket{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.getTicket)
}

func (m *Module) listTickets(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	caller, _ := auth.FromContext(c)
	req := ticketingrpc.ListTicketsRequest{UserID: caller.UserID, PoolID: strings.ToLower(c.Query("pool_id")),
		Limit: limit, Cursor: cursor}
	if err == nil && req.PoolID != "" {
		var chk validate.Checker
		chk.UUID("pool_id", req.PoolID)
		err = chk.Err()
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	page, err := m.ticketing.ListTickets(c.Request.Context(), req)
	m.answer(c, http.StatusOK, listOf(page.Items, page.NextCursor, toTicket), err)
}

// getTicket answers GET /tickets/{id}; someone else's ticket is not found (admins and
// services see every ticket).
func (m *Module) getTicket(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	caller, _ := auth.FromContext(c)
	req := ticketingrpc.TicketRequest{TicketID: id, UserID: caller.UserID}
	if caller.Role == auth.RoleAdmin || caller.Role == auth.RoleService {
		req.UserID = ""
	}
	t, err := m.ticketing.GetTicket(c.Request.Context(), req)
	m.answer(c, http.StatusOK, toTicket(t), err)
}
