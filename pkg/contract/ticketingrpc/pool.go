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
	PoolID            string     `json:"pool_id"`
	PrizeID           string     `json:"prize_id"`
	TicketPriceCents  int64      `json:"ticket_price_cents"`
	Currency          string     `json:"currency"`
	TicketsRequired   int        `json:"tickets_required"`
	TicketsSold       int        `json:"tickets_sold"`
	State             string     `json:"state"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user"`
	BoostPriceCents   *int64     `json:"boost_price_cents"`
	MaxBoostsPerUser  int        `json:"max_boosts_per_user"`
	RetryPriceCents   *int64     `json:"retry_price_cents"`
	ClosesAt          *time.Time `json:"closes_at"`
	WinnersCount      int        `json:"winners_count"`
	DrawCommitment    string     `json:"draw_commitment"` // hex SHA-256 of the draw seed
	DrawTerms         *DrawTerms `json:"draw_terms"`      // fixed with the commitment; nil for older pools
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
	PrizeID           string     `json:"prize_id"`
	TicketPriceCents  int64      `json:"ticket_price_cents"`
	Currency          string     `json:"currency,omitempty"`
	TicketsRequired   int        `json:"tickets_required"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user,omitempty"`
	BoostPriceCents   *int64     `json:"boost_price_cents,omitempty"`
	MaxBoostsPerUser  *int       `json:"max_boosts_per_user,omitempty"`
	RetryPriceCents   *int64     `json:"retry_price_cents,omitempty"`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
	WinnersCount      *int       `json:"winners_count,omitempty"`
}

// UpdatePoolRequest changes the fields that are set, on an OPEN pool only; the price,
// currency and size only while no ticket is sold.
type UpdatePoolRequest struct {
	PoolID            string     `json:"pool_id"`
	TicketPriceCents  *int64     `json:"ticket_price_cents,omitempty"`
	Currency          *string    `json:"currency,omitempty"`
	TicketsRequired   *int       `json:"tickets_required,omitempty"`
	MaxTicketsPerUser *int       `json:"max_tickets_per_user,omitempty"`
	BoostPriceCents   *int64     `json:"boost_price_cents,omitempty"`
	MaxBoostsPerUser  *int       `json:"max_boosts_per_user,omitempty"`
	RetryPriceCents   *int64     `json:"retry_price_cents,omitempty"`
	ClosesAt          *time.Time `json:"closes_at,omitempty"`
}

// PoolRequest names one pool (get, start, tickets count).
type PoolRequest struct {
	PoolID string `json:"pool_id"`
}

// CancelPoolRequest cancels an OPEN pool (admin); its tickets are voided and refunded.
type CancelPoolRequest struct {
	PoolID string `json:"pool_id"`
	Reason string `json:"reason,omitempty"`
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
	PoolID          string `json:"pool_id"`
	Count           int    `json:"count"`
	TicketsRequired int    `json:"tickets_required"`
	State           string `json:"state"`
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
