package ticketingrpc

import "time"

// Ticket sources and draw outcomes.
const (
	SourceEntry = "ENTRY"
	SourceRetry = "RETRY"
	OutcomeWon  = "WON"
	OutcomeLost = "LOST"
)

// Purchase statuses answered by TicketByPurchase.
const (
	PurchaseIssued   = "ISSUED"   // a ticket was issued for it (Ticket is set)
	PurchaseBoosted  = "BOOSTED"  // it boosted a ticket (Ticket is set)
	PurchaseRejected = "REJECTED" // ticketing refused it (Reason says why)
	PurchasePending  = "PENDING"  // not processed yet: issuance is in flight
)

// Ticket is a numbered ticket of a pool. Outcome is set once the pool is drawn; VoidedAt
// once its pool was cancelled.
type Ticket struct {
	TicketID        string     `json:"ticket_id" format:"uuid"`
	PoolID          string     `json:"pool_id" format:"uuid"`
	UserID          string     `json:"user_id" format:"uuid"`
	PurchaseID      string     `json:"purchase_id" format:"uuid" doc:"The purchase that paid for it."`
	TicketNum       int        `json:"ticket_num" minimum:"1" doc:"Its number in the pool: 1, 2, … in order of issue."`
	Weight          int        `json:"weight" minimum:"1" doc:"Draw weight: 1 plus the boosts applied."`
	Source          string     `json:"source" enum:"ENTRY,RETRY"`
	RetryOfTicketID *string    `json:"retry_of_ticket_id" format:"uuid" doc:"RETRY: the losing ticket it retries."`
	Outcome         *string    `json:"outcome" enum:"WON,LOST" doc:"Set once the pool is drawn."`
	VoidedAt        *time.Time `json:"voided_at" doc:"Set when its pool was cancelled (the purchase is refunded)."`
	CreatedAt       time.Time  `json:"created_at"`
}

// TicketRequest names one ticket; a set UserID answers 404 for someone else's ticket.
type TicketRequest struct {
	TicketID string `json:"ticket_id" path:"id"`
	UserID   string `json:"user_id,omitempty"`
}

// ListTicketsRequest pages through tickets, oldest first, of a user, a pool, or both.
type ListTicketsRequest struct {
	UserID string `json:"user_id,omitempty"`
	PoolID string `json:"pool_id,omitempty"`
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// TicketPage is one page of tickets; NextCursor is empty on the last page.
type TicketPage struct {
	Items      []Ticket `json:"items"`
	NextCursor string   `json:"next_cursor,omitempty"`
}

// TicketByPurchaseRequest asks what became of a confirmed purchase.
type TicketByPurchaseRequest struct {
	PurchaseID string `json:"purchase_id"`
}

// PurchaseTicket says what became of a purchase: Status is PurchaseIssued or
// PurchaseBoosted (Ticket set), PurchaseRejected (Reason set) or PurchasePending.
type PurchaseTicket struct {
	PurchaseID string  `json:"purchase_id"`
	Status     string  `json:"status"`
	Reason     string  `json:"reason,omitempty"`
	Ticket     *Ticket `json:"ticket,omitempty"`
}
