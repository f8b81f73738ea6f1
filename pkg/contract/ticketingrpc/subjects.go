// Package ticketingrpc is the ticketing service's request/reply contract: the subjects it
// answers on, their request and response bodies (with the seed's JSON field names), the
// problem types of its refusals, and a typed client. The API gateway and the draw service
// call ticketing through it.
//
// The gateway answers these types as they are, so their fields carry the API's tags too:
// path names the URL parameter that fills a field, and doc, format, enum, example, minimum
// and maximum document the field in the OpenAPI document.
package ticketingrpc

import "tickup.dev/pkg/rpc"

// Endpoints, one per request/reply call; replicas share micro's queue group.
var (
	PrizeCreate = rpc.Endpoint[CreatePrizeRequest, Prize]{Name: "prize_create", Subject: "tickup.rpc.ticketing.prize.create"}
	PrizeGet    = rpc.Endpoint[PrizeRequest, Prize]{Name: "prize_get", Subject: "tickup.rpc.ticketing.prize.get"}
	PrizeList   = rpc.Endpoint[ListPrizesRequest, PrizePage]{Name: "prize_list", Subject: "tickup.rpc.ticketing.prize.list"}
	PrizeUpdate = rpc.Endpoint[UpdatePrizeRequest, Prize]{Name: "prize_update", Subject: "tickup.rpc.ticketing.prize.update"}
	PrizeDelete = rpc.Endpoint[PrizeRequest, Deleted]{Name: "prize_delete", Subject: "tickup.rpc.ticketing.prize.delete"}

	PoolCreate       = rpc.Endpoint[CreatePoolRequest, Pool]{Name: "pool_create", Subject: "tickup.rpc.ticketing.pool.create"}
	PoolGet          = rpc.Endpoint[PoolRequest, Pool]{Name: "pool_get", Subject: "tickup.rpc.ticketing.pool.get"}
	PoolList         = rpc.Endpoint[ListPoolsRequest, PoolPage]{Name: "pool_list", Subject: "tickup.rpc.ticketing.pool.list"}
	PoolUpdate       = rpc.Endpoint[UpdatePoolRequest, Pool]{Name: "pool_update", Subject: "tickup.rpc.ticketing.pool.update"}
	PoolCancel       = rpc.Endpoint[CancelPoolRequest, Pool]{Name: "pool_cancel", Subject: "tickup.rpc.ticketing.pool.cancel"}
	PoolTicketsCount = rpc.Endpoint[PoolRequest, TicketsCount]{Name: "pool_tickets_count", Subject: "tickup.rpc.ticketing.pool.tickets_count"}
	// PoolStart moves a FULL pool to STARTED for its draw (draw calls it).
	PoolStart = rpc.Endpoint[PoolRequest, Pool]{Name: "pool_start", Subject: "tickup.rpc.ticketing.pool.start"}
	// PoolTickets pages the frozen ticket list of a STARTED or DRAWN pool (draw calls it).
	PoolTickets = rpc.Endpoint[PoolTicketsRequest, PoolTicketPage]{Name: "pool_tickets", Subject: "tickup.rpc.ticketing.pool.tickets"}

	TicketGet        = rpc.Endpoint[TicketRequest, Ticket]{Name: "ticket_get", Subject: "tickup.rpc.ticketing.ticket.get"}
	TicketList       = rpc.Endpoint[ListTicketsRequest, TicketPage]{Name: "ticket_list", Subject: "tickup.rpc.ticketing.ticket.list"}
	TicketByPurchase = rpc.Endpoint[TicketByPurchaseRequest, PurchaseTicket]{Name: "ticket_by_purchase", Subject: "tickup.rpc.ticketing.ticket.by_purchase"}
)
