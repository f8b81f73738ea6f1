// Package app holds the draw service's use cases, one file each.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// ErrBeaconRequired means the policy refuses a pool whose draw would use no beacon.
var ErrBeaconRequired = errors.New("with TICKUP_ENV=prod a pool's draw must use a beacon: set TICKUP_DRAW_BEACON=drand-quicknet, " +
	"or opt out explicitly with TICKUP_DRAW_ALLOW_NO_BEACON=true")

// ErrTermsConflict means a pool is already committed to other draw terms; terms never change.
var ErrTermsConflict = errors.New("the pool is already committed to other draw terms")

// Commitment is what a pool is committed to when it is created.
type Commitment struct {
	Hash  []byte        // SHA-256 of the seed
	Terms *domain.Terms // nil only for a pool committed before draw terms existed
}

// SeedStore keeps every pool's secret seed and draw terms.
type SeedStore interface {
	// Keep stores seed, its commitment and terms for poolID unless the pool has a seed
	// already, and returns what is stored for it (the earlier commitment, if any).
	Keep(ctx context.Context, poolID uuid.UUID, seed, commitment []byte, terms domain.Terms) (Commitment, error)
}

// TermsPolicy decides the draw terms of new pools.
type TermsPolicy struct {
	Beacon        *domain.TermsBeacon // nil: new pools are drawn without a beacon
	Prod          bool                // TICKUP_ENV=prod: a pool without a beacon needs AllowNoBeacon
	AllowNoBeacon bool
}

// terms are the draw terms of a new pool with winners winners.
func (p TermsPolicy) terms(winners int) (domain.Terms, error) {
	if p.Beacon == nil && p.Prod && !p.AllowNoBeacon {
		return domain.Terms{}, ErrBeaconRequired
	}
	t := domain.Terms{WinnersCount: winners, Beacon: p.Beacon}
	return t, t.Validate()
}

// CommitPool makes a pool's seed and draw terms on first request and answers its
// commitment with the terms.
type CommitPool struct {
	Seeds  SeedStore
	Random io.Reader // crypto/rand.Reader in production
	Policy TermsPolicy
	Log    *slog.Logger
}

// Handle returns the commitment and draw terms of poolID, drawn with winners winners. It
// is idempotent: a pool keeps the first seed and terms made for it, so a repeated request
// never changes them; one asking for another number of winners is refused.
func (h CommitPool) Handle(ctx context.Context, poolID uuid.UUID, winners int) (Commitment, error) {
	terms, err := h.Policy.terms(winners)
	if err != nil {
		return Commitment{}, fmt.Errorf("commit pool %s: %w", poolID, err)
	}
	seed, err := domain.NewSeed(h.Random)
	if err != nil {
		return Commitment{}, fmt.Errorf("commit pool %s: %w", poolID, err)
	}
	hash := domain.Commitment(seed)
	stored, err := h.Seeds.Keep(ctx, poolID, seed, hash[:], terms)
	if err != nil {
		return Commitment{}, fmt.Errorf("commit pool %s: %w", poolID, err)
	}
	if stored.Terms == nil || stored.Terms.WinnersCount != winners {
		return Commitment{}, fmt.Errorf("commit pool %s with %d winners: %w (%v)", poolID, winners, ErrTermsConflict, stored.Terms)
	}
	if stored.Terms.Beacon == nil && h.Policy.Prod {
		h.Log.Warn("pool committed to a draw without a beacon in prod (TICKUP_DRAW_ALLOW_NO_BEACON): "+
			"whoever can read the draw schema can predict its winners", "pool_id", poolID)
	}
	return stored, nil
}
