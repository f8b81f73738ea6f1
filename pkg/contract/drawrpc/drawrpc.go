// Package drawrpc is the draw service's request/reply contract: the subjects it answers on,
// their request and response bodies, and a typed client for the services that call it.
package drawrpc

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/rpc"
)

// Commit asks draw for a pool's commitment: it makes and stores the pool's secret
// seed and draw terms on the first call and answers SHA-256(seed) with the terms; later
// calls answer the same. Terms never change.
var Commit = rpc.Endpoint[CommitRequest, CommitResponse]{Name: "commit", Subject: "tickup.rpc.draw.commit"}

// Proof answers a drawn pool's public proof (ProofRequest → ProofPage), paged by
// byte offset so that the proof of a large pool fits in NATS messages; Client.Proof
// reassembles it.
var Proof = rpc.Endpoint[ProofRequest, ProofPage]{Name: "proof", Subject: "tickup.rpc.draw.proof"}

// Verify recomputes a drawn pool's draw on the server from its stored proof, seed and
// ticket list (VerifyRequest → VerifyResponse).
var Verify = rpc.Endpoint[VerifyRequest, VerifyResponse]{Name: "verify", Subject: "tickup.rpc.draw.verify"}

// Problem types the draw service answers with.
const (
	TypeValidation   = "https://tickup.dev/problems/validation-failed" // 422
	TypeDrawNotFound = "https://tickup.dev/problems/draw-not-found"    // 404: not drawn (yet)
	// TypeBeaconRequired (503): TICKUP_ENV=prod commits no pool to a draw without a beacon
	// unless the explicit opt-out is configured.
	TypeBeaconRequired = "https://tickup.dev/problems/beacon-required"
	// TypeTermsConflict (409): the pool is already committed to other draw terms.
	TypeTermsConflict = "https://tickup.dev/problems/draw-terms-conflict"
)

// CommitRequest names the pool to commit to (a UUID chosen by ticketing) and the number
// of winners its draw will have, which the terms fix.
type CommitRequest struct {
	PoolID       string `json:"pool_id"`
	WinnersCount int    `json:"winners_count"`
}

// CommitResponse carries the pool's commitment, SHA-256 of its seed, as lowercase hex, and
// the draw terms fixed with it. Both are published on the pool before any sale.
type CommitResponse struct {
	PoolID     string `json:"pool_id"`
	Commitment string `json:"commitment"`
	Terms      Terms  `json:"terms"`
}

// Terms are a pool's draw terms: how many winners, and which public randomness (none, or
// a drand chain and the rule that picks the round). The proof repeats them; a proof that
// differs from them does not verify.
type Terms struct {
	WinnersCount int          `json:"winners_count"`
	Beacon       *TermsBeacon `json:"beacon"`
}

// TermsBeacon names the drand chain (its chain hash) and the round rule
// ("first-round-at-or-after-full+30s": the first round published at or after the moment
// the pool became FULL plus 30 s).
type TermsBeacon struct {
	ChainHash string `json:"chain_hash"`
	RoundRule string `json:"round_rule"`
}

// Client calls the draw service over NATS.
type Client struct {
	nc *nats.Conn
}

// NewClient returns a client that sends its requests over nc.
func NewClient(nc *nats.Conn) *Client { return &Client{nc: nc} }

// Commit returns the commitment and draw terms of the pool req names, creating them on
// the first call. An error wrapping rpc.ErrUnavailable means no draw instance answered.
func (c *Client) Commit(ctx context.Context, req CommitRequest) (CommitResponse, error) {
	resp, err := Commit.Call(ctx, c.nc, req)
	if err != nil {
		return CommitResponse{}, fmt.Errorf("draw commitment for pool %s: %w", req.PoolID, err)
	}
	return resp, nil
}
