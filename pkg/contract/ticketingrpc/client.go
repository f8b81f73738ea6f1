package ticketingrpc

import (
	"context"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/rpc"
)

// Client calls the ticketing service over NATS. Refusals come back as errors wrapping a
// *rpc.Problem (errors.As); no answer as an error wrapping rpc.ErrUnavailable.
type Client struct {
	nc *nats.Conn
}

// NewClient returns a client that sends its requests over nc.
func NewClient(nc *nats.Conn) *Client { return &Client{nc: nc} }

func call[Req, Resp any](ctx context.Context, c *Client, subject string, req Req) (Resp, error) {
	return rpc.Call[Req, Resp](ctx, c.nc, subject, req)
}

// CreatePrize creates a prize.
func (c *Client) CreatePrize(ctx context.Context, req CreatePrizeRequest) (Prize, error) {
	return call[CreatePrizeRequest, Prize](ctx, c, SubjectPrizeCreate, req)
}

// GetPrize returns a prize.
func (c *Client) GetPrize(ctx context.Context, prizeID string) (Prize, error) {
	return call[PrizeRequest, Prize](ctx, c, SubjectPrizeGet, PrizeRequest{PrizeID: prizeID})
}

// ListPrizes returns a page of prizes.
func (c *Client) ListPrizes(ctx context.Context, req ListPrizesRequest) (PrizePage, error) {
	return call[ListPrizesRequest, PrizePage](ctx, c, SubjectPrizeList, req)
}

// UpdatePrize changes a prize.
func (c *Client) UpdatePrize(ctx context.Context, req UpdatePrizeRequest) (Prize, error) {
	return call[UpdatePrizeRequest, Prize](ctx, c, SubjectPrizeUpdate, req)
}

// DeletePrize deletes a prize that has no pool in play.
func (c *Client) DeletePrize(ctx context.Context, prizeID string) error {
	_, err := call[PrizeRequest, Deleted](ctx, c, SubjectPrizeDelete, PrizeRequest{PrizeID: prizeID})
	return err
}

// CreatePool opens a pool.
func (c *Client) CreatePool(ctx context.Context, req CreatePoolRequest) (Pool, error) {
	return call[CreatePoolRequest, Pool](ctx, c, SubjectPoolCreate, req)
}

// GetPool returns a pool.
func (c *Client) GetPool(ctx context.Context, poolID string) (Pool, error) {
	return call[PoolRequest, Pool](ctx, c, SubjectPoolGet, PoolRequest{PoolID: poolID})
}

// ListPools returns a page of pools.
func (c *Client) ListPools(ctx context.Context, req ListPoolsRequest) (PoolPage, error) {
	return call[ListPoolsRequest, PoolPage](ctx, c, SubjectPoolList, req)
}

// UpdatePool changes an OPEN pool.
func (c *Client) UpdatePool(ctx context.Context, req UpdatePoolRequest) (Pool, error) {
	return call[UpdatePoolRequest, Pool](ctx, c, SubjectPoolUpdate, req)
}

// CancelPool cancels an OPEN pool.
func (c *Client) CancelPool(ctx context.Context, req CancelPoolRequest) (Pool, error) {
	return call[CancelPoolRequest, Pool](ctx, c, SubjectPoolCancel, req)
}

// TicketsCount returns how many tickets a pool has sold.
func (c *Client) TicketsCount(ctx context.Context, poolID string) (TicketsCount, error) {
	return call[PoolRequest, TicketsCount](ctx, c, SubjectPoolTicketsCount, PoolRequest{PoolID: poolID})
}

// StartPool moves a FULL pool to STARTED; a STARTED or DRAWN pool is answered as is.
func (c *Client) StartPool(ctx context.Context, poolID string) (Pool, error) {
	return call[PoolRequest, Pool](ctx, c, SubjectPoolStart, PoolRequest{PoolID: poolID})
}

// PoolTickets returns a page of a frozen pool's tickets in ticket_num order.
func (c *Client) PoolTickets(ctx context.Context, req PoolTicketsRequest) (PoolTicketPage, error) {
	return call[PoolTicketsRequest, PoolTicketPage](ctx, c, SubjectPoolTickets, req)
}

// GetTicket returns a ticket.
func (c *Client) GetTicket(ctx context.Context, req TicketRequest) (Ticket, error) {
	return call[TicketRequest, Ticket](ctx, c, SubjectTicketGet, req)
}

// ListTickets returns a page of tickets.
func (c *Client) ListTickets(ctx context.Context, req ListTicketsRequest) (TicketPage, error) {
	return call[ListTicketsRequest, TicketPage](ctx, c, SubjectTicketList, req)
}

// TicketByPurchase says what became of a purchase.
func (c *Client) TicketByPurchase(ctx context.Context, purchaseID string) (PurchaseTicket, error) {
	return call[TicketByPurchaseRequest, PurchaseTicket](ctx, c, SubjectTicketByPurchase,
		TicketByPurchaseRequest{PurchaseID: purchaseID})
}
