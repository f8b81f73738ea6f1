// Package catalog is the raffle's public catalogue: /prizes, /pools and /tickets, served
// from the ticketing service over RPC (its refusals mapped 1:1 to problems), plus the
// seed's redeem (POST /tickets), which answers from the api's own purchases. The routes
// take and answer ticketingrpc's types as they are.
package catalog

import (
	"log/slog"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/purchases"
)

// Module serves /prizes, /pools and /tickets.
type Module struct {
	nc        *nats.Conn
	ticketing *ticketingrpc.Client
	purchases *purchases.Store
	log       *slog.Logger
}

// NewModule returns the catalogue module, calling ticketing over nc.
func NewModule(nc *nats.Conn, store *purchases.Store, log *slog.Logger) *Module {
	return &Module{nc: nc, ticketing: ticketingrpc.NewClient(nc), purchases: store, log: log}
}

// Register adds the routes.
func (m *Module) Register(r *httpapi.Routes) {
	publishedNames(r)
	m.registerPrizes(r)
	m.registerPools(r)
	m.registerTickets(r)
}

// publishedNames keeps the names the OpenAPI document gave the request bodies before the
// contract's types served as them.
func publishedNames(r *httpapi.Routes) {
	doc := r.Document()
	doc.Name(ticketingrpc.CreatePrizeRequest{}, "CatalogPrizeCreate")
	doc.Name(ticketingrpc.UpdatePrizeRequest{}, "CatalogPrizeUpdate")
	doc.Name(ticketingrpc.CreatePoolRequest{}, "CatalogPoolCreate")
	doc.Name(ticketingrpc.UpdatePoolRequest{}, "CatalogPoolUpdate")
	doc.Name(ticketingrpc.CancelPoolRequest{}, "CatalogPoolCancel")
}
