package ticketingrpc

import (
	"context"

	"github.com/nats-io/nats.go"
)

// Client calls the ticketing service over NATS. Refusals come back as errors wrapping a
// *rpc.Problem (errors.As); no answer as an error wrapping rpc.ErrUnavailable.
type Client struct {
	nc *nats.Conn
}

// NewClient returns a client that sends its requests over nc.
func NewClient(nc *nats.Conn) *Client { return &Client{nc: nc} }

// CreatePrize creates a prize.
func (c *Client) CreatePrize(ctx context.Context, req CreatePrizeRequest) (Prize, error) {
	return PrizeCreate.Call(ctx, c.nc, req)
}

// GetPrize returns a prize.
func (c *Client) GetPrize(ctx context.Context, prizeID string) (Prize, error) {
	return PrizeGet.Call(ctx, c.nc, PrizeRequest{PrizeID: prizeID})
}

// ListPrizes returns a page of prizes.
func (c *Client) ListPrizes(ctx context.Context, req ListPrizesRequest) (PrizePage, error) {
	return PrizeList.Call(ctx, c.nc, req)
}

// UpdatePrize changes a prize.
func (c *Client) UpdatePrize(ctx context.Context, req UpdatePrizeRequest) (Prize, error) {
	return PrizeUpdate.Call(ctx, c.nc, req)
}

// DeletePrize deletes a prize that has no pool in play.
func (c *Client) DeletePrize(ctx context.Context, prizeID string) error {
	_, err := PrizeDelete.Call(ctx, c.nc, PrizeRequest{PrizeID: prizeID})
	return err
}

// CreatePool opens a pool.
func (c *Client) CreatePool(ctx context.Context, req CreatePoolRequest) (Pool, error) {
	return PoolCreate.Call(ctx, c.nc, req)
}

// GetPool returns a pool.
func (c *Client) GetPool(ctx context.Context, poolID string) (Pool, error) {
	return PoolGet.Call(ctx, c.nc, PoolRequest{PoolID: poolID})
}

// ListPools returns a page of pools.
func (c *Client) ListPools(ctx context.Context, req ListPoolsRequest) (PoolPage, error) {
	return PoolList.Call(ctx, c.nc, req)
}

// UpdatePool changes an OPEN pool.
func (c *Client) UpdatePool(ctx context.Context, req UpdatePoolRequest) (Pool, error) {
	return PoolUpdate.Call(ctx, c.nc, req)
}

// CancelPool cancels an OPEN pool.
func (c *Client) CancelPool(ctx context.Context, req CancelPoolRequest) (Pool, error) {
	return PoolCancel.Call(ctx, c.nc, req)
}

// TicketsCount returns how many tickets a pool has sold.
func (c *Client) TicketsCount(ctx context.Context, poolID string) (TicketsCount, error) {
	return PoolTicketsCount.Call(ctx, c.nc, PoolRequest{PoolID: poolID})
}

// StartPool moves a FULL pool to STARTED; a STARTED or DRAWN pool is answered as is.
func (c *Client) StartPool(ctx context.Context, poolID string) (Pool, error) {
	return PoolStart.Call(ctx, c.nc, PoolRequest{PoolID: poolID})
}

// PoolTickets returns a page of a frozen pool's tickets in ticket_num order.
func (c *Client) PoolTickets(ctx context.Context, req PoolTicketsRequest) (PoolTicketPage, error) {
	return PoolTickets.Call(ctx, c.nc, req)
}

// GetTicket returns a ticket.
func (c *Client) GetTicket(ctx context.Context, req TicketRequest) (Ticket, error) {
	return TicketGet.Call(ctx, c.nc, req)
}

// ListTickets returns a page of tickets.
func (c *Client) ListTickets(ctx context.Context, req ListTicketsRequest) (TicketPage, error) {
	return TicketList.Call(ctx, c.nc, req)
}

// TicketByPurchase says what became of a purchase.
func (c *Client) TicketByPurchase(ctx context.Context, purchaseID string) (PurchaseTicket, error) {
	return TicketByPurchase.Call(ctx, c.nc, TicketByPurchaseRequest{PurchaseID: purchaseID})
}
