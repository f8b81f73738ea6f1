package purchases

import (
	"log/slog"
	"net/http"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
)

// tag groups the routes in the documentation.
const tag = "purchases"

// Module serves /purchases.
type Module struct {
	app       *app.Application
	ticketing *ticketingrpc.Client
	pools     *poolReader
	log       *slog.Logger
}

// NewModule returns the /purchases module over a's commands and queries.
func NewModule(a *app.Application, ticketing *ticketingrpc.Client, log *slog.Logger) *Module {
	return &Module{app: a, ticketing: ticketing, pools: &poolReader{client: ticketing}, log: log}
}

// Register adds the /purchases routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Buying tickets, boosts and retries: by card (confirmed by the provider's "+
		"webhook) or from the wallet. A purchase is PENDING until paid, then CONFIRMED (its ticket follows) "+
		"or FAILED; a CONFIRMED purchase whose ticket cannot be issued, or is voided, ends REFUNDED.")
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/purchases", Access: httpapi.User, Tags: []string{tag},
		Summary: "Buy a ticket (ENTRY), a boost or a retry",
		Description: "The price and currency come from the pool; the answer comes before payment. Follow the " +
			"purchase at its Location, or on /me/events.",
		Body:      createRequest{},
		Responses: []openapi.Response{{Status: http.StatusAccepted, Body: Purchase{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, m.create)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/purchases", Access: httpapi.User, Tags: []string{tag},
		Summary: "List your purchases, oldest first", Parameters: listParameters(),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Purchase]{}}},
	}, m.list)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/purchases/{id}", Access: httpapi.User, Tags: []string{tag},
		Summary:   "Get one of your purchases",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Purchase{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.get)
	r.Handle(httpapi.Route{Method: http.MethodPut, Path: "/purchases/{id}", Access: httpapi.ServiceOrAdmin, Tags: []string{tag},
		Summary: "Settle a card-paid purchase (service role, admins)",
		Description: "Legal transitions only: PENDING → CONFIRMED or FAILED. Setting the status a purchase already " +
			"has changes nothing. FAILED and REFUNDED purchases never change; wallet-paid purchases are settled by the wallet.",
		Body:      updateRequest{},
		Responses: []openapi.Response{{Status: http.StatusOK, Body: Purchase{}}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, m.update)
}

// listParameters documents the list's filters and paging.
func listParameters() []openapi.Parameter {
	status := &openapi.Schema{Type: "string", Enum: []any{StatusPending, StatusConfirmed, StatusFailed, StatusRefunded, StatusDisputed}}
	return append(paging.Parameters(),
		openapi.Query("status", "Only purchases in this status.", status),
		openapi.Query("pool_id", "Only purchases in this pool.", openapi.String("uuid")))
}
