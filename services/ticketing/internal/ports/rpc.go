package ports

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/ticketing/internal/app"
)

// cancelTimeout bounds a cancellation, which voids every ticket of the pool.
const cancelTimeout = 60 * time.Second

// RPC serves the ticketingrpc endpoints.
type RPC struct {
	Prizes  app.PrizeService
	Pools   app.PoolService
	Tickets app.TicketService
	Log     *slog.Logger
}

// Register adds every endpoint to svc.
func (p RPC) Register(svc *rpc.Service) error {
	long := rpc.WithTimeout(cancelTimeout)
	err := errors.Join(
		handle(svc, p.Log, ticketingrpc.PrizeCreate, p.createPrize),
		handle(svc, p.Log, ticketingrpc.PrizeGet, p.getPrize),
		handle(svc, p.Log, ticketingrpc.PrizeList, p.listPrizes),
		handle(svc, p.Log, ticketingrpc.PrizeUpdate, p.updatePrize),
		handle(svc, p.Log, ticketingrpc.PrizeDelete, p.deletePrize),
		handle(svc, p.Log, ticketingrpc.PoolCreate, p.createPool),
		handle(svc, p.Log, ticketingrpc.PoolGet, p.getPool),
		handle(svc, p.Log, ticketingrpc.PoolList, p.listPools),
		handle(svc, p.Log, ticketingrpc.PoolUpdate, p.updatePool),
		handle(svc, p.Log, ticketingrpc.PoolCancel, p.cancelPool, long),
		handle(svc, p.Log, ticketingrpc.PoolTicketsCount, p.ticketsCount),
		handle(svc, p.Log, ticketingrpc.PoolStart, p.startPool),
		handle(svc, p.Log, ticketingrpc.PoolTickets, p.poolTickets),
		handle(svc, p.Log, ticketingrpc.TicketGet, p.getTicket),
		handle(svc, p.Log, ticketingrpc.TicketList, p.listTickets),
		handle(svc, p.Log, ticketingrpc.TicketByPurchase, p.ticketByPurchase),
	)
	if err != nil {
		return fmt.Errorf("register ticketing endpoints: %w", err)
	}
	return nil
}

// handle registers fn, turning its domain refusals into problems.
func handle[Req, Resp any](svc *rpc.Service, log *slog.Logger, ep rpc.Endpoint[Req, Resp],
	fn func(context.Context, Req) (Resp, error), opts ...rpc.Option) error {
	opts = append(opts, rpc.WithLogger(log))
	return rpc.Serve(svc, ep, func(ctx context.Context, req Req) (Resp, error) {
		resp, err := fn(ctx, req)
		return resp, problem(err)
	}, opts...)
}
