package app

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// StoredDraw is everything the draw service stored about one draw.
type StoredDraw struct {
	PoolID       uuid.UUID
	Proof        []byte // the published document
	ProofHash    string
	Seed         []byte        // the pool's seed, as kept since the pool was created
	Terms        *domain.Terms // the pool's draw terms, kept with the seed (nil for older pools)
	Commitment   []byte
	TicketsHash  []byte
	N            int64
	WinnersCount int
	S            []byte
	WordsUsed    uint64
	Beacon       *domain.Beacon
	Tickets      []DrawnTicket
	Winners      []DrawnWinner
}

// DrawReader reads stored draws.
type DrawReader interface {
	// Stored returns poolID's draw, or ErrDrawNotFound.
	Stored(ctx context.Context, poolID uuid.UUID) (StoredDraw, error)
}

// VerifyDraw recomputes a stored draw on the server: the published proof must verify on
// its own, and must agree with the stored seed, ticket list, beacon, columns and winners.
type VerifyDraw struct {
	Draws DrawReader
}

// Handle returns every mismatch found in poolID's draw; none means valid.
func (h VerifyDraw) Handle(ctx context.Context, poolID uuid.UUID) ([]string, error) {
	st, err := h.Draws.Stored(ctx, poolID)
	if err != nil {
		return nil, fmt.Errorf("verify draw of pool %s: %w", poolID, err)
	}
	return CheckStored(st), nil
}

// CheckStored compares the published proof of a draw with a recomputation from the stored
// seed and ticket list, and with the stored columns and winners.
func CheckStored(st StoredDraw) []string {
	c := &checker{}
	proof := c.proof(st)
	in := st.input()
	res, err := domain.Draw(in)
	if err != nil {
		c.add("stored draw", "cannot be recomputed: %v", err)
		return c.found
	}
	c.storedTickets(st)
	c.storedColumns(st, res)
	c.storedWinners(st, res)
	if proof != nil {
		c.proofAgrees(*proof, in, res)
		c.termsAgree(*proof, st)
	}
	return c.found
}

// input is the draw input from the stored seed and tickets, participants recomputed from
// the stored user ids.
func (st StoredDraw) input() domain.Input {
	in := domain.Input{PoolID: st.PoolID.String(), Seed: st.Seed, WinnersCount: st.WinnersCount, Beacon: st.Beacon, Terms: st.Terms}
	for _, t := range st.Tickets {
		p := domain.Participant(in.PoolID, t.UserID)
		in.Tickets = append(in.Tickets, domain.Ticket{Num: t.Num, Participant: p, Weight: t.Weight})
	}
	return in
}
