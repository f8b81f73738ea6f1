package drawproof_test

import (
	"encoding/json"
	"strings"
	"testing"

	"tickup.dev/services/draw/drawproof"
	"tickup.dev/services/draw/internal/domain"
)

// The tickup-draw-v1 test vectors: pool, seed 0x00…0x1f, tickets 1..10 owned by users
// 1..4 in turn, ticket 3 of weight 2.
const vectorPool = "0190a7e2-0000-7000-8000-000000000001"

func vectorInput(k int, beacon *domain.Beacon) domain.Input {
	seed := make([]byte, 32)
	for i := range seed {
		seed[i] = byte(i)
	}
	in := domain.Input{PoolID: vectorPool, Seed: seed, WinnersCount: k, Beacon: beacon}
	for i := range 10 {
		user := "00000000-0000-4000-8000-00000000000" + string(rune('1'+i%4))
		t := domain.Ticket{Num: int64(i + 1), Participant: domain.Participant(vectorPool, user), Weight: 1}
		if t.Num == 3 {
			t.Weight = 2
		}
		in.Tickets = append(in.Tickets, t)
	}
	return in
}

// proofDoc draws the vectors with k winners and beacon, and returns the proof as a JSON
// object for a test to edit the way a forger would.
func proofDoc(t *testing.T, k int, beacon *domain.Beacon) map[string]any {
	t.Helper()
	in := vectorInput(k, beacon)
	res, err := domain.Draw(in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(domain.NewProof(in, res))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func verify(t *testing.T, doc map[string]any) []string {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := drawproof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range drawproof.Verify(p) {
		out = append(out, m.String())
	}
	return out
}

func wantMismatch(t *testing.T, found []string, prefix string) {
	t.Helper()
	for _, f := range found {
		if strings.HasPrefix(f, prefix) {
			return
		}
	}
	t.Fatalf("mismatches %q, want one starting %q", found, prefix)
}

const quicknetHash = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"

func terms(k int, beacon bool) map[string]any {
	t := map[string]any{"winners_count": k, "beacon": nil}
	if beacon {
		t["beacon"] = map[string]any{"chain_hash": quicknetHash, "round_rule": "first-round-at-or-after-full+30s"}
	}
	return t
}

func TestProofWithWinnersCutOffFailsVerification(t *testing.T) {
	t.Parallel()
	// The honest proof of a 3-winner draw, with the third winner cut off and words_used
	// set to what two winners take: every value recomputes, only the terms say 3.
	doc := proofDoc(t, 3, nil)
	doc["terms"] = terms(3, false)
	if found := verify(t, doc); len(found) != 0 {
		t.Fatalf("the honest proof: %q", found)
	}
	two := proofDoc(t, 2, nil)
	doc["winners"] = doc["winners"].([]any)[:2]
	doc["words_used"] = two["words_used"]
	wantMismatch(t, verify(t, doc), "winners: ")

	delete(doc, "terms") // a proof that hides its terms cannot be checked against them
	wantMismatch(t, verify(t, doc), "terms: ")
}

func TestProofWhoseBeaconUseDiffersFromTheTermsFails(t *testing.T) {
	t.Parallel()
	fc := &domain.Beacon{Round: 7, Randomness: []byte(strings.Repeat("\xfc", 32))}
	tests := []struct {
		name   string
		doc    map[string]any
		terms  map[string]any
		prefix string
	}{
		{"a beacon the terms do not have", proofDoc(t, 1, fc), terms(1, false), "beacon: "},
		{"no beacon though the terms promise one", proofDoc(t, 3, nil), terms(3, true), "beacon: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.doc["terms"] = tc.terms
			wantMismatch(t, verify(t, tc.doc), tc.prefix)
		})
	}
}
