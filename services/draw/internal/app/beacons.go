package app

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/draw/internal/domain"
)

// Beacon is a source of public randomness published in numbered rounds (a drand chain).
type Beacon interface {
	// RoundAt returns the first round published at or after t.
	RoundAt(t time.Time) uint64
	// TimeOf returns when round is published.
	TimeOf(round uint64) time.Time
	// Fetch returns round's randomness after verifying it, and the signature it came from.
	Fetch(ctx context.Context, round uint64) (domain.Beacon, []byte, error)
}

// Beacons are the drand chains the service can read, by chain hash. Every chain a pool's
// terms may name is here whatever beacon new pools use, so a pool is always drawn with
// the beacon its terms fixed.
type Beacons map[string]Beacon

// Chain returns the beacon of the chain named by hash.
func (b Beacons) Chain(hash string) (Beacon, error) {
	if c, ok := b[hash]; ok {
		return c, nil
	}
	return nil, fmt.Errorf("drand chain %s of the pool's draw terms is not one this service can read", hash)
}

// BeaconDelay separates the moment a pool became FULL from its beacon round, so that no
// one, Tickup included, could know the round's randomness at the last sale.
const BeaconDelay = domain.BeaconDelaySeconds * time.Second

// roundFor is the round the rule of the terms fixes for a pool that became FULL at fullAt.
func roundFor(b Beacon, fullAt time.Time) uint64 {
	return b.RoundAt(fullAt.Add(BeaconDelay))
}
