package ticketingrpc

import "time"

// Pool states: OPEN → FULL → STARTED → DRAWN, and OPEN → CANCELLED.
const (
	StateOpen      = "OPEN"
	StateFull      = "FULL"
	StateStarted   = "STARTED"
	StateDrawn     = "DRAWN"
	StateCancelled = "CANCELLED"
)

// Pool is a raffle of one prize in numbered tickets. A nil boost or retry price means the
// pool does not sell them.
type Pool struct {
	PoolID            string     `json:"pool_id" format:"uuid"`
	PrizeID           string     `json:"prize_id" format:"uuid"`
	TicketPriceCents  int64      `json:"ticket_price_cents" minimum:"1" maximum:"100000000000"`
	Currency          string     `json:"currency" example:"EUR"`
	TicketsRequired   int        `json:"tickets_required" minimum:"1" doc:"Tickets to sell before the draw."`
	TicketsSold       int        `json:"tickets_sold" minimum:"0"`
	State             string     `json:"state" enum:"OPEN,FULL,STARTED,DRAWN,CANCELLED"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user" doc:"Null: no cap."`
	BoostPriceCents   *int64     `json:"boost_price_cents" doc:"Null: the pool sells no boosts."`
	MaxBoostsPerUser  int        `json:"max_boosts_per_user"`
	RetryPriceCents   *int64     `json:"retry_price_cents" doc:"Null: the pool sells no retries."`
	ClosesAt          *time.Time `json:"closes_at" doc:"When an unsold pool is cancelled; null: never."`
	WinnersCount      int        `json:"winners_count" minimum:"1"`
	DrawCommitment    string     `json:"draw_commitment" doc:"Hex SHA-256 of the draw seed, published before any sale."`
	DrawTerms         *DrawTerms `json:"draw_terms" doc:"The draw's terms, fixed with the commitment and never changed: winners_count, and beacon null or {chain_hash, round_rule}. The proof repeats them. Null only for pools created before terms existed."`
	CreatedAt         time.Time  `json:"created_at"`
	UpdatedAt         time.Time  `json:"updated_at"`
}

// DrawTerms are a pool's draw terms, fixed with its commitment when it is created and
// never changed: the number of winners, and no beacon or the drand chain and round rule.
// The draw's proof repeats them; a proof that differs from them does not verify.
type DrawTerms struct {
	WinnersCount int              `json:"winners_count"`
	Beacon       *DrawTermsBeacon `json:"beacon"`
}

// DrawTermsBeacon names the drand chain (chain hash) and the rule that picks the round.
type DrawTermsBeacon struct {
	ChainHash string `json:"chain_hash"`
	RoundRule string `json:"round_rule"`
}

// CreatePoolRequest opens a pool. Currency defaults to the prize's, winners_count to 1 and
// max_boosts_per_user to 1; winners_count units of the prize's stock are reserved.
type CreatePoolRequest struct {
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

// UpdatePoolRequest changes the fields that are set, on an OPEN pool only; the price,
// currency and size only while no ticket is sold.
type UpdatePoolRequest struct {
	PoolID            string     `json:"pool_id" path:"id"`
	TicketPriceCents  *int64     `json:"ticket_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	Currency          *string    `json:"currency,omitempty"`
	TicketsRequired   *int       `json:"tickets_required,omitempty" minimum:"1"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user,omitempty" minimum:"1"`
	BoostPriceCents   *int64     `json:"boost_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	MaxBoostsPerUser  *int       `json:"max_boosts_per_user,omitempty" minimum:"1"`
	RetryPriceCents   *int64     `json:"retry_price_cents,omitempty" minimum:"1" maximum:"100000000000"`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
}

// PoolRequest names one pool (get, start, tickets count).
type PoolRequest struct {
	PoolID string `json:"pool_id" path:"id"`
}

// CancelPoolRequest cancels an OPEN pool (admin); its tickets are voided and refunded.
type CancelPoolRequest struct {
	PoolID string `json:"pool_id" path:"id"`
	Reason string `json:"reason,omitempty" doc:"Shown to the buyers, whose tickets are voided and refunded."`
}

// ListPoolsRequest pages through pools, oldest first, optionally of one prize or state.
type ListPoolsRequest struct {
	PrizeID string `json:"prize_id,omitempty"`
	State   string `json:"state,omitempty"`
	Limit   int    `json:"limit,omitempty"`
	Cursor  string `json:"cursor,omitempty"`
}

// PoolPage is one page of pools; NextCursor is empty on the last page.
type PoolPage struct {
	Items      []Pool `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// TicketsCount answers the seed's /pools/{id}/tickets/count.
type TicketsCount struct {
	PoolID          string `json:"pool_id" format:"uuid"`
	Count           int    `json:"count" minimum:"0" doc:"Tickets sold."`
	TicketsRequired int    `json:"tickets_required"`
	State           string `json:"state" enum:"OPEN,FULL,STARTED,DRAWN,CANCELLED"`
}

// PoolTicketsRequest pages through a STARTED or DRAWN pool's tickets in ticket_num order.
type PoolTicketsRequest struct {
	PoolID string `json:"pool_id"`
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// PoolTicket is one ticket of a frozen pool, as the draw needs it.
type PoolTicket struct {
	TicketNum int    `json:"ticket_num"`
	TicketID  string `json:"ticket_id"`
	UserID    string `json:"user_id"`
	Weight    int    `json:"weight"`
}

// PoolTicketPage is one page of a frozen pool's tickets.
type PoolTicketPage struct {
	Items      []PoolTicket `json:"items"`
	NextCursor string       `json:"next_cursor,omitempty"`
}
