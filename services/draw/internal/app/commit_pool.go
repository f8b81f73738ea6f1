// Package app holds the draw service's use cases, one file each.
package app

import (
	"context"
	"fmt"
	"io"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// SeedStore keeps every pool's secret seed.
type SeedStore interface {
	// Keep stores seed and its commitment for poolID unless the pool has a seed already,
	// and returns the commitment of the seed stored for it (the earlier one, if any).
	Keep(ctx context.Context, poolID uuid.UUID, seed, commitment []byte) ([]byte, error)
}

// CommitPool makes a pool's seed on first request and answers its commitment.
type CommitPool struct {
	Seeds  SeedStore
	Random io.Reader // crypto/rand.Reader in production
}

// Handle returns the commitment of poolID. It is idempotent: a pool keeps the first seed
// made for it, so a repeated request never changes the commitment.
func (h CommitPool) Handle(ctx context.Context, poolID uuid.UUID) ([]byte, error) {
	seed, err := domain.NewSeed(h.Random)
	if err != nil {
		return nil, fmt.Errorf("commit pool %s: %w", poolID, err)
	}
	commitment := domain.Commitment(seed)
	stored, err := h.Seeds.Keep(ctx, poolID, seed, commitment[:])
	if err != nil {
		return nil, fmt.Errorf("commit pool %s: %w", poolID, err)
	}
	return stored, nil
}
