// Package catalog is the raffle's public catalogue: /prizes, /pools and /tickets, served
// from the ticketing service over RPC (its refusals mapped 1:1 to problems), plus the
// seed's redeem (POST /tickets), which answers from the api's own purchases.
package catalog

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/purchases"
)

// Module serves /prizes, /pools and /tickets.
type Module struct {
	ticketing *ticketingrpc.Client
	purchases *purchases.Store
	log       *slog.Logger
}

// NewModule returns the catalogue module.
func NewModule(ticketing *ticketingrpc.Client, store *purchases.Store, log *slog.Logger) *Module {
	return &Module{ticketing: ticketing, purchases: store, log: log}
}

// Register adds the routes.
func (m *Module) Register(r *httpapi.Routes) {
	m.registerPrizes(r)
	m.registerPools(r)
	m.registerTickets(r)
}

// answer writes v with status, or the problem of err (a ticketing refusal keeps its
// status, type and detail).
func (m *Module) answer(c *gin.Context, status int, v any, err error) {
	if err != nil {
		problem.Fail(c, m.log, problem.FromRPC(err))
		return
	}
	c.JSON(status, v)
}

// created answers 201 with v at path/id.
func (m *Module) created(c *gin.Context, id string, v any, err error) {
	if err == nil {
		c.Header("Location", c.FullPath()+"/"+id)
	}
	m.answer(c, http.StatusCreated, v, err)
}

// pageOf reads ?limit= and ?cursor= for a list ticketing pages; ticketing checks the
// cursor, which it issued.
func pageOf(c *gin.Context) (int, string, error) {
	p, err := paging.FromQuery(c)
	return p.Limit, c.Query("cursor"), err
}

// listOf converts a page of ticketing items.
func listOf[T, U any](items []T, next string, conv func(T) U) paging.List[U] {
	out := paging.List[U]{Items: make([]U, 0, len(items)), NextCursor: next}
	for _, it := range items {
		out.Items = append(out.Items, conv(it))
	}
	return out
}
