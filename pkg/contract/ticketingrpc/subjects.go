// Package ticketingrpc is the ticketing service's request/reply contract: the subjects it
// answers on, their request and response bodies (with the seed's JSON field names), the
// problem types of its refusals, and a typed client. The API gateway and the draw service
// call ticketing through it.
package ticketingrpc

// Subjects, one per endpoint; replicas share micro's queue group.
const (
	SubjectPrizeCreate = "tickup.rpc.ticketing.prize.create"
	SubjectPrizeGet    = "tickup.rpc.ticketing.prize.get"
	SubjectPrizeList   = "tickup.rpc.ticketing.prize.list"
	SubjectPrizeUpdate = "tickup.rpc.ticketing.prize.update"
	SubjectPrizeDelete = "tickup.rpc.ticketing.prize.delete"

	SubjectPoolCreate       = "tickup.rpc.ticketing.pool.create"
	SubjectPoolGet          = "tickup.rpc.ticketing.pool.get"
	SubjectPoolList         = "tickup.rpc.ticketing.pool.list"
	SubjectPoolUpdate       = "tickup.rpc.ticketing.pool.update"
	SubjectPoolCancel       = "tickup.rpc.ticketing.pool.cancel"
	SubjectPoolTicketsCount = "tickup.rpc.ticketing.pool.tickets_count"
	// SubjectPoolStart moves a FULL pool to STARTED for its draw (draw calls it).
	SubjectPoolStart = "tickup.rpc.ticketing.pool.start"
	// SubjectPoolTickets pages the frozen ticket list of a STARTED or DRAWN pool (draw calls it).
	SubjectPoolTickets = "tickup.rpc.ticketing.pool.tickets"

	SubjectTicketGet        = "tickup.rpc.ticketing.ticket.get"
	SubjectTicketList       = "tickup.rpc.ticketing.ticket.list"
	SubjectTicketByPurchase = "tickup.rpc.ticketing.ticket.by_purchase"
)
