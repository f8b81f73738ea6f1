package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// storedVectors is the vector draw (k = 3) as the store would return it.
func storedVectors(t *testing.T) app.StoredDraw {
	t.Helper()
	return storedDraw(t, newFakeTicketing(3))
}

// storedDraw is the 3-winner draw of what tk lists, as the store would return it.
func storedDraw(t *testing.T, tk *fakeTicketing) app.StoredDraw {
	t.Helper()
	h, store := drawer(tk, terms(3, false), nil, app.DrawRequest{PoolID: vectorPool})
	r := step(t, h, store).Draw
	if r == nil {
		t.Fatalf("no draw: %+v", store.outcome)
	}
	commitment := sha256Of(vectorSeed())
	return app.StoredDraw{PoolID: r.PoolID, Proof: r.Proof, ProofHash: r.ProofHash, Seed: vectorSeed(),
		Commitment: commitment, TicketsHash: r.Result.TicketsHash[:], N: int64(len(r.Tickets)), WinnersCount: 3,
		S: r.Result.S[:], WordsUsed: r.Result.WordsUsed, Tickets: r.Tickets, Winners: r.Winners, Terms: terms(3, false)}
}

func TestCheckStoredFindsEveryTampering(t *testing.T) {
	t.Parallel()
	if got := app.CheckStored(storedVectors(t)); len(got) != 0 {
		t.Fatalf("untouched draw: %v", got)
	}
	tests := []struct {
		name   string
		tamper func(*app.StoredDraw)
		want   []string
	}{
		{"seed", func(st *app.StoredDraw) { st.Seed = bytes.Repeat([]byte{1}, 32) },
			[]string{"stored commitment:", "stored s:", "seed: proof says 0001020304", "the stored seed is 0101"}},
		{"a ticket's weight", func(st *app.StoredDraw) { st.Tickets[4].Weight = 3 },
			[]string{"stored tickets_hash: stored", "tickets[4]: proof says 5:e7d7cd6918077615:1, stored 5:e7d7cd6918077615:3"}},
		{"a ticket's owner", func(st *app.StoredDraw) { st.Tickets[0].UserID = vectorUser(2) },
			[]string{"stored tickets[0].participant: is e7d7cd6918077615", "tickets[0]: proof says 1:e7d7cd6918077615:1"}},
		{"a winner", func(st *app.StoredDraw) { st.Winners[0].TicketID = ticketID(9) },
			[]string{"stored winners[0]: tier 1 ticket 10 (" + ticketID(9) + ")"}},
		{"the proof", func(st *app.StoredDraw) {
			st.Proof = bytes.Replace(st.Proof, []byte(`"words_used":3`), []byte(`"words_used":4`), 1)
		},
			[]string{"proof_hash: stored", "proof.words_used: proof says 4, recomputed 3"}},
		{"an empty proof", func(st *app.StoredDraw) { st.Proof = []byte(`{}`) },
			[]string{"proof_hash: stored", `proof.algorithm: proof says ""`}},
		{"a beacon", func(st *app.StoredDraw) {
			st.Beacon = &domain.Beacon{Round: 5, Randomness: bytes.Repeat([]byte{0xfc}, 32)}
		}, []string{"stored s:", "beacon: proof says none, stored round 5 randomness fcfc", "stored beacon: round 5"}},
		{"the terms", func(st *app.StoredDraw) { st.Terms = terms(3, true) },
			[]string{"terms: proof says 3 winner(s), no beacon, the pool was committed to 3 winner(s), drand chain " + testChain}},
		{"the terms' winners", func(st *app.StoredDraw) { st.Terms = terms(2, false) },
			[]string{"terms: proof says 3 winner(s)", "stored winners_count: 3, the terms fix 2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := storedVectors(t)
			tc.tamper(&st)
			got := strings.Join(app.CheckStored(st), "\n")
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("mismatches lack %q:\n%s", want, got)
				}
			}
		})
	}
}

func TestCheckStoredAcceptsGapsInNumbering(t *testing.T) {
	t.Parallel()
	tk := newFakeTicketing(3)
	tk.tickets = withoutTickets(tk.tickets, 4, 10)
	st := storedDraw(t, tk)
	if got := app.CheckStored(st); len(got) != 0 {
		t.Fatalf("draw without the voided tickets 4 and 10: %v", got)
	}
	st.Winners[0].TicketID = ticketID(9)
	if got := strings.Join(app.CheckStored(st), "\n"); !strings.Contains(got, "stored winners[0]: tier 1 ticket") {
		t.Fatalf("a tampered winner not found: %s", got)
	}
}

// proofBytes serves a fixed document.
type proofBytes []byte

func (p proofBytes) ProofSlice(_ context.Context, _ uuid.UUID, offset, limit int64) (app.ProofSlice, error) {
	end := min(offset+limit, int64(len(p)))
	start := min(offset, end)
	return app.ProofSlice{Size: int64(len(p)), Hash: "h", Chunk: p[start:end]}, nil
}

func TestGetProofPagesByOffset(t *testing.T) {
	t.Parallel()
	h := app.GetProof{Proofs: proofBytes("0123456789"), PageSize: 4}
	user := uuid.MustParse(vectorUser(1))
	var doc []byte
	offset := int64(0)
	for pages := 0; ; pages++ {
		p, err := h.Handle(context.Background(), vectorPool, &user, offset)
		if err != nil || pages > 3 || p.Participant != "e7d7cd6918077615" || p.Offset != offset {
			t.Fatalf("page at %d: %+v, %v", offset, p, err)
		}
		doc = append(doc, p.Chunk...)
		if p.NextOffset == 0 {
			break
		}
		offset = p.NextOffset
	}
	if string(doc) != "0123456789" {
		t.Fatalf("reassembled %q", doc)
	}
	for _, bad := range []int64{-1, 10, 11} {
		if _, err := h.Handle(context.Background(), vectorPool, nil, bad); err == nil {
			t.Errorf("offset %d: no error", bad)
		}
	}
}
