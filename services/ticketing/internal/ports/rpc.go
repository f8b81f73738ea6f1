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

// RPC serves the ticketingrpc endpoints, each by one command or query of the application.
type RPC struct {
	app app.Application
	log *slog.Logger
}

// NewRPC returns the endpoints of a.
func NewRPC(a app.Application, log *slog.Logger) RPC { return RPC{app: a, log: log} }

// Register adds every endpoint to svc.
func (p RPC) Register(svc *rpc.Service) error {
	long := rpc.WithTimeout(cancelTimeout)
	err := errors.Join(
		handle(svc, p.log, ticketingrpc.PrizeCreate, p.createPrize),
		handle(svc, p.log, ticketingrpc.PrizeGet, p.getPrize),
		handle(svc, p.log, ticketingrpc.PrizeList, p.listPrizes),
		handle(svc, p.log, ticketingrpc.PrizeUpdate, p.updatePrize),
		handle(svc, p.log, ticketingrpc.PrizeDelete, p.deletePrize),
		handle(svc, p.log, ticketingrpc.PoolCreate, p.createPool),
		handle(svc, p.log, ticketingrpc.PoolGet, p.getPool),
		handle(svc, p.log, ticketingrpc.PoolList, p.listPools),
		handle(svc, p.log, ticketingrpc.PoolUpdate, p.updatePool),
		handle(svc, p.log, ticketingrpc.PoolCancel, p.cancelPool, long),
		handle(svc, p.log, ticketingrpc.PoolTicketsCount, p.ticketsCount),
		handle(svc, p.log, ticketingrpc.PoolStart, p.startPool),
		handle(svc, p.log, ticketingrpc.PoolTickets, p.poolTickets),
		handle(svc, p.log, ticketingrpc.TicketGet, p.getTicket),
		handle(svc, p.log, ticketingrpc.TicketList, p.listTickets),
		handle(svc, p.log, ticketingrpc.TicketByPurchase, p.ticketByPurchase),
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
