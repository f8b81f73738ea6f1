// Package drawrpc is the draw service's request/reply contract: the subjects it answers on,
// their request and response bodies, and a typed client for the services that call it.
package drawrpc

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/rpc"
)

// SubjectCommit asks draw for a pool's commitment: it makes and stores the pool's secret
// seed on the first call and answers SHA-256(seed); later calls answer the same commitment.
const SubjectCommit = "tickup.rpc.draw.commit"

// SubjectProof answers a drawn pool's public proof (ProofRequest → ProofPage), paged by
// byte offset so that the proof of a large pool fits in NATS messages; Client.Proof
// reassembles it.
const SubjectProof = "tickup.rpc.draw.proof"

// SubjectVerify recomputes a drawn pool's draw on the server from its stored proof, seed and
// ticket list (VerifyRequest → VerifyResponse).
const SubjectVerify = "tickup.rpc.draw.verify"

// Problem types the draw service answers with.
const (
	TypeValidation   = "https://tickup.dev/problems/validation-failed" // 422
	TypeDrawNotFound = "https://tickup.dev/problems/draw-not-found"    // 404: not drawn (yet)
)

// CommitRequest names the pool to commit to (a UUID chosen by ticketing).
type CommitRequest struct {
	PoolID string `json:"pool_id"`
}

// CommitResponse carries the pool's commitment, SHA-256 of its seed, as lowercase hex.
type CommitResponse struct {
	PoolID     string `json:"pool_id"`
	Commitment string `json:"commitment"`
}

// Client calls the draw service over NATS.
type Client struct {
	nc *nats.Conn
}

// NewClient returns a client that sends its requests over nc.
func NewClient(nc *nats.Conn) *Client { return &Client{nc: nc} }

// Commit returns the commitment of poolID, creating its seed on the first call. An error
// wrapping rpc.ErrUnavailable means no draw instance answered.
func (c *Client) Commit(ctx context.Context, poolID string) (CommitResponse, error) {
	resp, err := rpc.Call[CommitRequest, CommitResponse](ctx, c.nc, SubjectCommit, CommitRequest{PoolID: poolID})
	if err != nil {
		return CommitResponse{}, fmt.Errorf("draw commitment for pool %s: %w", poolID, err)
	}
	return resp, nil
}
