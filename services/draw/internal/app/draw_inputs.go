package app

import (
	"context"
	"encoding/hex"
	"fmt"

	"tickup.dev/services/draw/internal/domain"
)

// gather reads the draw's inputs: the started pool, its prize, its frozen tickets, its
// seed (checked against the pool's published commitment), its terms (checked against
// what ticketing publishes) and its beacon round.
func (h DrawPool) gather(ctx context.Context, req DrawRequest, committed PoolSeed, b Beacon) (drawInput, error) {
	in := drawInput{poolID: req.PoolID, seed: committed.Seed}
	var err error
	if in.pool, err = h.Ticketing.StartPool(ctx, req.PoolID); err != nil {
		return in, err
	}
	if in.pool.State != PoolStarted && in.pool.State != PoolDrawn {
		return in, fmt.Errorf("pool is %s, want STARTED", in.pool.State)
	}
	if in.terms, err = h.terms(req, committed.Terms, in.pool); err != nil {
		return in, err
	}
	if err := checkCommitment(committed.Seed, in.pool.Commitment); err != nil {
		return in, err
	}
	if in.prize, err = h.Ticketing.Prize(ctx, in.pool.PrizeID); err != nil {
		return in, err
	}
	if in.frozen, err = h.Ticketing.FrozenTickets(ctx, req.PoolID); err != nil {
		return in, err
	}
	if err := checkFrozen(len(in.frozen), in.pool.TicketsSold, in.terms.WinnersCount); err != nil {
		return in, err
	}
	in.beacon, in.signature, err = fetchBeacon(ctx, b, req)
	return in, err
}

// terms are the pool's draw terms, which must be those ticketing publishes. A pool
// committed before terms existed is drawn as it always was: its winners, no beacon.
func (h DrawPool) terms(req DrawRequest, stored *domain.Terms, pool PoolInfo) (domain.Terms, error) {
	if stored == nil {
		h.Log.Warn("pool was committed before draw terms existed: drawn without a beacon", "pool_id", req.PoolID)
		return domain.Terms{WinnersCount: pool.WinnersCount}, nil
	}
	if pool.WinnersCount != stored.WinnersCount {
		return domain.Terms{}, fmt.Errorf("ticketing's pool has %d winners, its draw terms fix %d", pool.WinnersCount, stored.WinnersCount)
	}
	if pool.Terms != nil && !pool.Terms.Equal(*stored) {
		return domain.Terms{}, fmt.Errorf("ticketing publishes the draw terms %s, the pool was committed to %s", pool.Terms, stored)
	}
	return *stored, nil
}

// checkFrozen checks the size of the frozen list: voided tickets are left out of it
// (their numbers are never reused), so it may be shorter than tickets_sold, but never
// longer, and ticketing never voids a ticket that would leave fewer than the winners.
func checkFrozen(listed, sold, winners int) error {
	if listed > sold {
		return fmt.Errorf("ticketing listed %d tickets of %d sold", listed, sold)
	}
	if listed < winners {
		return fmt.Errorf("ticketing listed %d tickets, fewer than the %d winners", listed, winners)
	}
	return nil
}

// checkCommitment checks the stored seed against the commitment ticketing shows.
func checkCommitment(seed []byte, published string) error {
	c := domain.Commitment(seed)
	if hex.EncodeToString(c[:]) != published {
		return fmt.Errorf("the stored seed's commitment %x is not the pool's published %q", c, published)
	}
	return nil
}

func fetchBeacon(ctx context.Context, b Beacon, req DrawRequest) (*domain.Beacon, []byte, error) {
	if b == nil {
		return nil, nil, nil
	}
	got, sig, err := b.Fetch(ctx, *req.BeaconRound)
	if err != nil {
		return nil, nil, fmt.Errorf("beacon round %d: %w", *req.BeaconRound, err)
	}
	return &got, sig, nil
}
