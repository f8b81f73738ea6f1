package ports

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

func (p RPC) createPool(ctx context.Context, req ticketingrpc.CreatePoolRequest) (ticketingrpc.Pool, error) {
	f := domain.Fields{}
	prizeID := requiredID(f, "prize_id", req.PrizeID)
	if err := f.Err(); err != nil {
		return ticketingrpc.Pool{}, err
	}
	pool, err := p.app.Commands.CreatePool.Handle(ctx, domain.PoolSpec{PrizeID: prizeID, TicketPriceCents: req.TicketPriceCents,
		Currency: req.Currency, TicketsRequired: req.TicketsRequired, MaxTicketsPerUser: req.MaxTicketsPerUser,
		BoostPriceCents: req.BoostPriceCents, MaxBoostsPerUser: req.MaxBoostsPerUser,
		RetryPriceCents: req.RetryPriceCents, ClosesAt: req.ClosesAt, WinnersCount: req.WinnersCount})
	return poolOrErr(pool, err)
}

func (p RPC) getPool(ctx context.Context, req ticketingrpc.PoolRequest) (ticketingrpc.Pool, error) {
	id, err := poolID(req.PoolID)
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return poolOrErr(p.app.Queries.GetPool.Handle(ctx, id))
}

func (p RPC) listPools(ctx context.Context, req ticketingrpc.ListPoolsRequest) (ticketingrpc.PoolPage, error) {
	f := domain.Fields{}
	filter := app.PoolFilter{PrizeID: optionalID(f, "prize_id", req.PrizeID), State: domain.State(req.State)}
	f.Check(req.State == "" || domain.ValidState(filter.State), "state", "must be OPEN, FULL, STARTED, DRAWN or CANCELLED")
	page := readPage(f, req.Limit, req.Cursor, ticketingrpc.DefaultPageLimit, ticketingrpc.MaxPageLimit, isUUID)
	if err := f.Err(); err != nil {
		return ticketingrpc.PoolPage{}, err
	}
	pools, err := p.app.Queries.ListPools.Handle(ctx, filter, page)
	if err != nil {
		return ticketingrpc.PoolPage{}, err
	}
	pools, next := cut(pools, page, func(x domain.Pool) string { return x.ID.String() })
	return ticketingrpc.PoolPage{Items: mapAll(pools, toPool), NextCursor: next}, nil
}

func (p RPC) updatePool(ctx context.Context, req ticketingrpc.UpdatePoolRequest) (ticketingrpc.Pool, error) {
	id, err := poolID(req.PoolID)
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return poolOrErr(p.app.Commands.UpdatePool.Handle(ctx, id, domain.PoolPatch{TicketPriceCents: req.TicketPriceCents,
		Currency: req.Currency, TicketsRequired: req.TicketsRequired, MaxTicketsPerUser: req.MaxTicketsPerUser,
		BoostPriceCents: req.BoostPriceCents, MaxBoostsPerUser: req.MaxBoostsPerUser,
		RetryPriceCents: req.RetryPriceCents, ClosesAt: req.ClosesAt}))
}

func (p RPC) cancelPool(ctx context.Context, req ticketingrpc.CancelPoolRequest) (ticketingrpc.Pool, error) {
	id, err := poolID(req.PoolID)
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return poolOrErr(p.app.Commands.CancelPool.Handle(ctx, id, req.Reason))
}

func (p RPC) startPool(ctx context.Context, req ticketingrpc.PoolRequest) (ticketingrpc.Pool, error) {
	id, err := poolID(req.PoolID)
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return poolOrErr(p.app.Commands.StartPool.Handle(ctx, id))
}

func (p RPC) ticketsCount(ctx context.Context, req ticketingrpc.PoolRequest) (ticketingrpc.TicketsCount, error) {
	id, err := poolID(req.PoolID)
	if err != nil {
		return ticketingrpc.TicketsCount{}, err
	}
	pool, err := p.app.Queries.GetPool.Handle(ctx, id)
	if err != nil {
		return ticketingrpc.TicketsCount{}, err
	}
	return ticketingrpc.TicketsCount{PoolID: id.String(), Count: pool.TicketsSold,
		TicketsRequired: pool.TicketsRequired, State: string(pool.State)}, nil
}

func poolID(value string) (uuid.UUID, error) {
	f := domain.Fields{}
	id := requiredID(f, "pool_id", value)
	return id, f.Err()
}

func poolOrErr(p domain.Pool, err error) (ticketingrpc.Pool, error) {
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return toPool(p), nil
}
