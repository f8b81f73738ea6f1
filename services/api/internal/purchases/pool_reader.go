package purchases

import (
	"context"

	"golang.org/x/sync/singleflight"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
)

// poolReader asks ticketing for pools, sharing one request among the purchases of the same
// pool that arrive while it is in flight: a flash sale on one pool costs ticketing a few
// reads, not one per buyer. Nothing is cached beyond that request, and ticketing re-checks
// the pool's state when it issues the ticket anyway.
type poolReader struct {
	client *ticketingrpc.Client
	calls  singleflight.Group
}

// get returns the pool; the error is the RPC's, for problem.FromRPC.
func (r *poolReader) get(ctx context.Context, poolID string) (ticketingrpc.Pool, error) {
	v, err, _ := r.calls.Do(poolID, func() (any, error) {
		// Shared by every waiting request: not cancelled with the first one's.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rpc.DefaultCallTimeout)
		defer cancel()
		return r.client.GetPool(ctx, poolID)
	})
	if err != nil {
		return ticketingrpc.Pool{}, err
	}
	return v.(ticketingrpc.Pool), nil
}
