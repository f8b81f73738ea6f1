package catalog

import (
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
)

// Ticket is a numbered ticket of a pool.
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

// redeemRequest is the body of POST /tickets (the seed's redeem).
type redeemRequest struct {
	PoolID     string  `json:"pool_id" format:"uuid"`
	PurchaseID string  `json:"purchase_id" format:"uuid" doc:"Your confirmed ENTRY purchase in this pool."`
	UserID     *string `json:"user_id,omitempty" format:"uuid" doc:"Optional; must be your own id (admins and services may act for anyone)."`
}

// toTicket converts ticketing's ticket for the API.
func toTicket(t ticketingrpc.Ticket) Ticket {
	out := Ticket(t)
	out.CreatedAt = t.CreatedAt.UTC()
	if t.VoidedAt != nil {
		v := t.VoidedAt.UTC()
		out.VoidedAt = &v
	}
	return out
}
