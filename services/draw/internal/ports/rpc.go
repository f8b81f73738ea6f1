// Package ports exposes the draw service's use cases over NATS micro endpoints and event
// consumers, and runs its background workers.
package ports

import (
	"context"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/google/uuid"

	"tickup.dev/pkg/rpc"
	"tickup.dev/services/draw/drawrpc"
	"tickup.dev/services/draw/internal/app"
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
	if err := rpc.Handle(svc, nil, "commit", drawrpc.SubjectCommit, p.commit, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	if err := rpc.Handle(svc, nil, "proof", drawrpc.SubjectProof, p.proof, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	if err := rpc.Handle(svc, nil, "verify", drawrpc.SubjectVerify, p.verify, opt); err != nil {
		return fmt.Errorf("register draw endpoints: %w", err)
	}
	return nil
}

func (p RPC) commit(ctx context.Context, req drawrpc.CommitRequest) (drawrpc.CommitResponse, error) {
	poolID, err := uuid.Parse(req.PoolID)
	if err != nil {
		return drawrpc.CommitResponse{}, invalid("pool_id", "must be a UUID")
	}
	commitment, err := p.Commit.Handle(ctx, poolID)
	if err != nil {
		return drawrpc.CommitResponse{}, err
	}
	return drawrpc.CommitResponse{PoolID: poolID.String(), Commitment: hex.EncodeToString(commitment)}, nil
}

func invalid(field, msg string) *rpc.Problem {
	p := rpc.NewProblem(http.StatusUnprocessableEntity, drawrpc.TypeValidation, "Invalid request",
		field+" "+msg)
	p.Errors = map[string]string{field: msg}
	return p
}
