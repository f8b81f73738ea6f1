package ports

import (
	"context"
	"errors"
	"net/http"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/draw/internal/app"
)

func (p RPC) proof(ctx context.Context, req drawrpc.ProofRequest) (drawrpc.ProofPage, error) {
	poolID, err := uuid.Parse(req.PoolID)
	if err != nil {
		return drawrpc.ProofPage{}, invalid("pool_id", "must be a UUID")
	}
	var userID *uuid.UUID
	if req.UserID != "" {
		id, err := uuid.Parse(req.UserID)
		if err != nil {
			return drawrpc.ProofPage{}, invalid("user_id", "must be a UUID")
		}
		userID = &id
	}
	page, err := p.Proof.Handle(ctx, poolID, userID, req.Offset)
	if err != nil {
		return drawrpc.ProofPage{}, drawProblem(err, poolID)
	}
	return drawrpc.ProofPage{PoolID: poolID.String(), ProofHash: page.Hash, Participant: page.Participant,
		Size: page.Size, Offset: page.Offset, Chunk: page.Chunk, NextOffset: page.NextOffset}, nil
}

func (p RPC) verify(ctx context.Context, req drawrpc.VerifyRequest) (drawrpc.VerifyResponse, error) {
	poolID, err := uuid.Parse(req.PoolID)
	if err != nil {
		return drawrpc.VerifyResponse{}, invalid("pool_id", "must be a UUID")
	}
	mismatches, err := p.Verify.Handle(ctx, poolID)
	if err != nil {
		return drawrpc.VerifyResponse{}, drawProblem(err, poolID)
	}
	if mismatches == nil {
		mismatches = []string{}
	}
	return drawrpc.VerifyResponse{PoolID: poolID.String(), Valid: len(mismatches) == 0, Mismatches: mismatches}, nil
}

// drawProblem maps the use cases' errors to problems; others become a 500.
func drawProblem(err error, poolID uuid.UUID) error {
	switch {
	case errors.Is(err, app.ErrDrawNotFound):
		return rpc.NewProblem(http.StatusNotFound, drawrpc.TypeDrawNotFound, "Draw not found",
			"pool "+poolID.String()+" has not been drawn (yet): its proof is published once it is")
	case errors.Is(err, app.ErrBadOffset):
		return invalid("offset", "must be between 0 and the proof's size")
	}
	return err
}
