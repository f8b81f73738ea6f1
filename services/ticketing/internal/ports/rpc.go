package ports

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"tickup.dev/pkg/rpc"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/pkg/contract/ticketingrpc"
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
		handle(svc, p.Log, "prize_create", ticketingrpc.SubjectPrizeCreate, p.createPrize),
		handle(svc, p.Log, "prize_get", ticketingrpc.SubjectPrizeGet, p.getPrize),
		handle(svc, p.Log, "prize_list", ticketingrpc.SubjectPrizeList, p.listPrizes),
		handle(svc, p.Log, "prize_update", ticketingrpc.SubjectPrizeUpdate, p.updatePrize),
		handle(svc, p.Log, "prize_delete", ticketingrpc.SubjectPrizeDelete, p.deletePrize),
		handle(svc, p.Log, "pool_create", ticketingrpc.SubjectPoolCreate, p.createPool),
		handle(svc, p.Log, "pool_get", ticketingrpc.SubjectPoolGet, p.getPool),
		handle(svc, p.Log, "pool_list", ticketingrpc.SubjectPoolList, p.listPools),
		handle(svc, p.Log, "pool_update", ticketingrpc.SubjectPoolUpdate, p.updatePool),
		handle(svc, p.Log, "pool_cancel", ticketingrpc.SubjectPoolCancel, p.cancelPool, long),
		handle(svc, p.Log, "pool_tickets_count", ticketingrpc.SubjectPoolTicketsCount, p.ticketsCount),
		handle(svc, p.Log, "pool_start", ticketingrpc.SubjectPoolStart, p.startPool),
		handle(svc, p.Log, "pool_tickets", ticketingrpc.SubjectPoolTickets, p.poolTickets),
		handle(svc, p.Log, "ticket_get", ticketingrpc.SubjectTicketGet, p.getTicket),
		handle(svc, p.Log, "ticket_list", ticketingrpc.SubjectTicketList, p.listTickets),
		handle(svc, p.Log, "ticket_by_purchase", ticketingrpc.SubjectTicketByPurchase, p.ticketByPurchase),
	)
	if err != nil {
		return fmt.Errorf("register ticketing endpoints: %w", err)
	}
	return nil
}

// handle registers fn, turning its domain refusals into problems.
func handle[Req, Resp any](svc *rpc.Service, log *slog.Logger, name, subject string,
	fn func(context.Context, Req) (Resp, error), opts ...rpc.Option) error {
	opts = append(opts, rpc.WithLogger(log))
	return rpc.Handle(svc, nil, name, subject, func(ctx context.Context, req Req) (Resp, error) {
		resp, err := fn(ctx, req)
		return resp, problem(err)
	}, opts...)
}
