package catalog

import (
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
)

// Pool is a raffle of one prize in numbered tickets. A null boost or retry price means the
// pool does not sell them.
type Pool struct {
	PoolID            string                  `json:"pool_id" format:"uuid"`
	PrizeID           string                  `json:"prize_id" format:"uuid"`
	TicketPriceCents  int64                   `json:"ticket_price_cents" minimum:"1" maximum:"100000000000"`
	Currency          string                  `json:"currency" example:"EUR"`
	TicketsRequired   int                     `json:"tickets_required" minimum:"1" doc:"Tickets to sell before the draw."`
	TicketsSold       int                     `json:"tickets_sold" minimum:"0"`
	State             string                  `json:"state" enum:"OPEN,FULL,STARTED,DRAWN,CANCELLED"`
	MaxTicketsPerUser *int                    `json:"max_tickets_per_user" doc:"Null: no cap."`
	BoostPriceCents   *int64                  `json:"boost_price_cents" doc:"Null: the pool sells no boosts."`
	MaxBoostsPerUser  int                     `json:"max_boosts_per_user"`
	RetryPriceCents   *int64                  `json:"retry_price_cents" doc:"Null: the pool sells no retries."`
	ClosesAt          *time.Time              `json:"closes_at" doc:"When an unsold pool is cancelled; null: never."`
	WinnersCount      int                     `json:"winners_count" minimum:"1"`
	DrawCommitment    string                  `json:"draw_commitment" doc:"Hex SHA-256 of the draw seed, published before any sale."`
	DrawTerms         *ticketingrpc.DrawTerms `json:"draw_terms" doc:"The draw's terms, fixed with the commitment and never changed: winners_count, and beacon null or {chain_hash, round_rule}. The proof repeats them. Null only for pools created before terms existed."`
	CreatedAt         time.Time               `json:"created_at"`
	UpdatedAt         time.Time               `json:"updated_at"`
}

// poolCreate is the body of POST /pools.
type poolCreate struct {
	PrizeID           string     `json:"prize_id" format:"uuid"`
	TicketPriceCents  int64      `json:"ticket_price_cents" minimum:"1" maximum:"100000000000"`
	Currency          string     `json:"currency,omitempty" doc:"Default: the prize's currency."`
	TicketsRequired   int        `json:"tickets_required" minimum:"1"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user,omitempty" minimum:"1"`
	BoostPriceCents   *int64     `json:"boost_price_cents,omitempty" minimum:"1" maximum:"100000000000" doc:"Absent: no boosts sold."`
	MaxBoostsPerUser  *int       `json:"max_boosts_per_user,omitempty" minimum:"1" doc:"Default 1."`
	RetryPriceCents   *int64     `json:"retry_price_cents,omitempty" minimum:"1" maximum:"100000000000" doc:"Absent: no retries sold."`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
	WinnersCount      *int       `json:"winners_count,omitempty" minimum:"1" doc:"Default 1; reserves that many units of the prize's stock."`
}

// poolUpdate is the body of PUT and PATCH /pools/{id}: the fields sent change, on an OPEN
// pool only; price, currency and size only while no ticket is sold.
type poolUpdate struct {
	TicketPriceCents  *int64     `json:"ticket_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	Currency          *string    `json:"currency,omitempty"`
	TicketsRequired   *int       `json:"tickets_required,omitempty" minimum:"1"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user,omitempty" minimum:"1"`
	BoostPriceCents   *int64     `json:"boost_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	MaxBoostsPerUser  *int       `json:"max_boosts_per_user,omitempty" minimum:"1"`
	RetryPriceCents   *int64     `json:"retry_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
}

// poolCancel is the optional body of POST /pools/{id}/cancel.
type poolCancel struct {
	Reason string `json:"reason,omitempty" doc:"Shown to the buyers, whose tickets are voided and refunded."`
}

// TicketsCount answers GET /pools/{id}/tickets/count.
type TicketsCount struct {
	PoolID          string `json:"pool_id" format:"uuid"`
	Count           int    `json:"count" minimum:"0" doc:"Tickets sold."`
	TicketsRequired int    `json:"tickets_required"`
	State           string `json:"state" enum:"OPEN,FULL,STARTED,DRAWN,CANCELLED"`
}

// toPool converts ticketing's pool for the API.
func toPool(p ticketingrpc.Pool) Pool {
	out := Pool(p)
	out.CreatedAt, out.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	if p.ClosesAt != nil {
		t := p.ClosesAt.UTC()
		out.ClosesAt = &t
	}
	return out
}

// toRPC converts the request for ticketing.
func (r poolCreate) toRPC() ticketingrpc.CreatePoolRequest { return ticketingrpc.CreatePoolRequest(r) }

// toRPC converts the request for ticketing.
func (r poolUpdate) toRPC(id string) ticketingrpc.UpdatePoolRequest {
	return ticketingrpc.UpdatePoolRequest{PoolID: id, TicketPriceCents: r.TicketPriceCents, Currency: r.Currency,
		TicketsRequired: r.TicketsRequired, MaxTicketsPerUser: r.MaxTicketsPerUser, BoostPriceCents: r.BoostPriceCents,
		MaxBoostsPerUser: r.MaxBoostsPerUser, RetryPriceCents: r.RetryPriceCents, ClosesAt: r.ClosesAt}
}
