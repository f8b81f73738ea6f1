package drawpage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
)

// Pool is what the page shows of a pool: ticketing's pool, as published before any sale,
// and the title of its prize.
type Pool struct {
	ticketingrpc.Pool
	PrizeTitle string
}

// Pools finds a pool; an unknown pool is an error wrapping a 404 *rpc.Problem.
type Pools interface {
	Pool(ctx context.Context, poolID string) (Pool, error)
}

// Proofs finds a drawn pool's proof; *drawrpc.Client is one. A pool not drawn yet is an
// error wrapping a 404 *rpc.Problem.
type Proofs interface {
	Proof(ctx context.Context, poolID, userID string) (drawrpc.ProofDocument, error)
}

// TicketingPools reads pools (and their prize's title) from the ticketing service.
type TicketingPools struct {
	nc *nats.Conn
}

// NewTicketingPools returns the ticketing-backed Pools over nc.
func NewTicketingPools(nc *nats.Conn) *TicketingPools { return &TicketingPools{nc: nc} }

// Pool asks ticketing for the pool, then for the
// title of its prize (left empty when the prize cannot be read).
func (p *TicketingPools) Pool(ctx context.Context, poolID string) (Pool, error) {
	pool, err := ticketingrpc.PoolGet.Call(ctx, p.nc, ticketingrpc.PoolRequest{PoolID: poolID})
	if err != nil {
		return Pool{}, fmt.Errorf("pool %s: %w", poolID, err)
	}
	out := Pool{Pool: pool}
	if prize, err := ticketingrpc.PrizeGet.Call(ctx, p.nc, ticketingrpc.PrizeRequest{PrizeID: pool.PrizeID}); err == nil {
		out.PrizeTitle = prize.Title
	}
	return out, nil
}

// notDrawn reports whether err is the draw service's "no proof for this pool (yet)".
func notDrawn(err error) bool {
	var p *rpc.Problem
	return errors.As(err, &p) && p.Status == http.StatusNotFound
}

// proofView is the part of a tickup-draw-v1 proof the page lists; the browser verifies
// the whole document.
type proofView struct {
	Commitment  string                  `json:"commitment"`
	Terms       *ticketingrpc.DrawTerms `json:"terms"`
	TicketsHash string                  `json:"tickets_hash"`
	N           uint64                  `json:"n"`
	Beacon      *struct {
		Round      uint64 `json:"round"`
		Randomness string `json:"randomness"`
	} `json:"beacon"`
	WordsUsed uint64 `json:"words_used"`
	Tickets   []struct {
		TicketNum   int64  `json:"ticket_num"`
		Participant string `json:"participant"`
		Weight      int64  `json:"weight"`
	} `json:"tickets"`
	Winners []struct {
		Tier        int    `json:"tier"`
		TicketNum   int64  `json:"ticket_num"`
		Participant string `json:"participant"`
	} `json:"winners"`
}

// decodeProof reads the listed fields of a proof document.
func decodeProof(doc json.RawMessage) (proofView, error) {
	var v proofView
	if err := json.Unmarshal(doc, &v); err != nil {
		return proofView{}, fmt.Errorf("decode draw proof: %w", err)
	}
	return v, nil
}
