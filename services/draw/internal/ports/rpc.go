// Package ports exposes the draw service's use cases over NATS micro endpoints and event
// consumers, and runs its background workers.
package ports

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// RPC serves the draw service's endpoints.
type RPC struct {
	Commit app.CommitPool
	Proof  app.GetProof
	Verify app.VerifyDraw
	Log    *slog.Logger
}

// Register adds the endpoints to svc.
func (p RPC) Register(svc *rpc.Service) error {
	opt := rpc.WithLogger(p.Log)
	if err := rpc.Serve(svc, drawrpc.Commit, p.commit, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	if err := rpc.Serve(svc, drawrpc.Proof, p.proof, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	if err := rpc.Serve(svc, drawrpc.Verify, p.verify, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	return nil
}

func (p RPC) commit(ctx context.Context, req drawrpc.CommitRequest) (drawrpc.CommitResponse, error) {
	poolID, err := uuid.Parse(req.PoolID)
	if err != nil {
		return drawrpc.CommitResponse{}, invalid("pool_id", "must be a UUID")
	}
	if req.WinnersCount < 1 {
		return drawrpc.CommitResponse{}, invalid("winners_count", "must be at least 1")
	}
	c, err := p.Commit.Handle(ctx, poolID, req.WinnersCount)
	switch {
	case errors.Is(err, app.ErrBeaconRequired):
		return drawrpc.CommitResponse{}, rpc.NewProblem(http.StatusServiceUnavailable, drawrpc.TypeBeaconRequired,
			"Beacon required", app.ErrBeaconRequired.Error())
	case errors.Is(err, app.ErrTermsConflict):
		return drawrpc.CommitResponse{}, rpc.NewProblem(http.StatusConflict, drawrpc.TypeTermsConflict,
			"Draw terms conflict", err.Error())
	case err != nil:
		return drawrpc.CommitResponse{}, err
	}
	return drawrpc.CommitResponse{PoolID: poolID.String(), Commitment: hex.EncodeToString(c.Hash), Terms: toRPCTerms(*c.Terms)}, nil
}

// toRPCTerms converts draw terms for the contract.
func toRPCTerms(t domain.Terms) drawrpc.Terms {
	out := drawrpc.Terms{WinnersCount: t.WinnersCount}
	if t.Beacon != nil {
		out.Beacon = &drawrpc.TermsBeacon{ChainHash: t.Beacon.ChainHash, RoundRule: t.Beacon.RoundRule}
	}
	return out
}

func invalid(field, msg string) *rpc.Problem {
	p := rpc.NewProblem(http.StatusUnprocessableEntity, drawrpc.TypeValidation, "Invalid request",
		field+" "+msg)
	p.Errors = map[string]string{field: msg}
	return p
}
