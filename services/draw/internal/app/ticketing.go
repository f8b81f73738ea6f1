package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// Ticketing is what a draw needs from the ticketing service.
type Ticketing interface {
	// StartPool moves a FULL pool to STARTED (idempotent) and returns it.
	StartPool(ctx context.Context, poolID uuid.UUID) (PoolInfo, error)
	// Prize returns a prize.
	Prize(ctx context.Context, prizeID string) (PrizeInfo, error)
	// FrozenTickets returns every ticket of a STARTED or DRAWN pool in ticket_num order.
	FrozenTickets(ctx context.Context, poolID uuid.UUID) ([]FrozenTicket, error)
}

// PoolInfo is the part of a pool the draw uses.
type PoolInfo struct {
	PoolID       string
	PrizeID      string
	State        string
	TicketsSold  int
	WinnersCount int
	Commitment   string        // hex SHA-256 of the seed, as ticketing shows it
	Terms        *domain.Terms // the draw terms ticketing shows beside it (nil for older pools)
}

// Pool states a pool may be drawn in.
const (
	PoolStarted = "STARTED"
	PoolDrawn   = "DRAWN"
)

// PrizeInfo is the prize a pool raffles; each winner wins one unit of it.
type PrizeInfo struct {
	PrizeID    string `json:"prize_id"`
	Title      string `json:"title"`
	Kind       string `json:"kind"`        // CASH or PHYSICAL
	ValueCents int64  `json:"value_cents"` // per winner
	Currency   string `json:"currency"`
}

// FrozenTicket is one ticket of a started pool.
type FrozenTicket struct {
	Num      int64
	TicketID string
	UserID   string
	Weight   int64
}
