package adapters

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/draw/internal/app"
)

// Ticketing implements app.Ticketing over ticketing's RPC contract.
type Ticketing struct {
	Client   *ticketingrpc.Client
	PageSize int // tickets per pool.tickets page; 0 takes ticketing's default
}

// StartPool implements app.Ticketing.
func (t Ticketing) StartPool(ctx context.Context, poolID uuid.UUID) (app.PoolInfo, error) {
	p, err := t.Client.StartPool(ctx, poolID.String())
	if err != nil {
		return app.PoolInfo{}, fmt.Errorf("start pool %s: %w", poolID, err)
	}
	return app.PoolInfo{PoolID: p.PoolID, PrizeID: p.PrizeID, State: p.State, TicketsSold: p.TicketsSold,
		WinnersCount: p.WinnersCount, Commitment: p.DrawCommitment}, nil
}

// Prize implements app.Ticketing.
func (t Ticketing) Prize(ctx context.Context, prizeID string) (app.PrizeInfo, error) {
	p, err := t.Client.GetPrize(ctx, prizeID)
	if err != nil {
		return app.PrizeInfo{}, fmt.Errorf("get prize %s: %w", prizeID, err)
	}
	return app.PrizeInfo{PrizeID: p.PrizeID, Title: p.Title, Kind: p.Kind, ValueCents: p.ValueCents, Currency: p.Currency}, nil
}

// FrozenTickets implements app.Ticketing: it pages through pool.tickets to the end.
func (t Ticketing) FrozenTickets(ctx context.Context, poolID uuid.UUID) ([]app.FrozenTicket, error) {
	var out []app.FrozenTicket
	req := ticketingrpc.PoolTicketsRequest{PoolID: poolID.String(), Limit: t.PageSize}
	for {
		page, err := t.Client.PoolTickets(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("tickets of pool %s after %d: %w", poolID, len(out), err)
		}
		for _, pt := range page.Items {
			out = append(out, app.FrozenTicket{Num: int64(pt.TicketNum), TicketID: pt.TicketID, UserID: pt.UserID, Weight: int64(pt.Weight)})
		}
		if page.NextCursor == "" {
			return out, nil
		}
		req.Cursor = page.NextCursor
	}
}
