package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/drawrpc"
)

// TestDrawsProofIsPublicVerifiableAndMarksTheCallersTickets drives a real draw (ticketing
// sells out a pool, draw draws it) and reads its proof through the gateway.
func TestDrawsProofIsPublicVerifiableAndMarksTheCallersTickets(t *testing.T) {
	t.Parallel()
	s := drawStack(t)
	ann, annTok := newUser(t, roleUser)
	bob, bobTok := newUser(t, roleUser)
	_, daveTok := newUser(t, roleUser) // signed in, holds no ticket
	pool := s.openPool(t, 4, 2)
	path := "/api/v1/draws/" + pool.PoolID
	for _, p := range []string{path, path + "/verify", "/api/v1/draws/" + uuid.NewString()} {
		s.do(t, http.MethodGet, p, annTok, nil).problem(t, http.StatusNotFound, "draw-not-found")
	}
	s.do(t, http.MethodGet, "/api/v1/draws/pool-1", "", nil).invalid(t, "id")
	s.do(t, http.MethodGet, "/api/v1/draws/pool-1/verify", "", nil).invalid(t, "id")
	for _, user := range []string{ann, bob, ann, uuid.NewString()} {
		s.buy(t, pool, user)
	}

	anonymous := s.drawn(t, pool.PoolID)
	var proof DrawProof
	anonymous.decode(t, http.StatusOK, &proof)
	if proof.Algorithm != "tickup-draw-v1" || proof.PoolID != pool.PoolID || proof.Commitment != pool.DrawCommitment ||
		proof.N != 4 || len(proof.Tickets) != 4 || len(proof.Winners) != 2 || proof.Beacon != nil || proof.WordsUsed < 2 {
		t.Fatalf("proof %s", anonymous.Body)
	}
	if proof.Terms == nil || proof.Terms.WinnersCount != 2 || proof.Terms.Beacon != nil {
		t.Fatalf("proof terms %+v, want the pool's 2 winners without a beacon", proof.Terms)
	}
	var shown struct {
		DrawCommitment string          `json:"draw_commitment"`
		DrawTerms      json.RawMessage `json:"draw_terms"`
	}
	s.do(t, http.MethodGet, "/api/v1/pools/"+pool.PoolID, "", nil).decode(t, http.StatusOK, &shown)
	if shown.DrawCommitment != proof.Commitment || string(shown.DrawTerms) != `{"winners_count":2,"beacon":null}` {
		t.Fatalf("the pool shows commitment %s and terms %s, the proof %s and %+v", shown.DrawCommitment, shown.DrawTerms,
			proof.Commitment, proof.Terms)
	}
	seed, _ := hex.DecodeString(proof.Seed)
	if sum := sha256.Sum256(seed); hex.EncodeToString(sum[:]) != proof.Commitment {
		t.Fatalf("the seed %s does not open the commitment %s", proof.Seed, proof.Commitment)
	}
	stored, err := drawrpc.NewClient(s.bus.NC).Proof(context.Background(), pool.PoolID, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(anonymous.Body); hex.EncodeToString(sum[:]) != stored.ProofHash || bytes.Contains(anonymous.Body, []byte(`"mine"`)) {
		t.Fatalf("the anonymous answer is not the stored document byte for byte: %s", anonymous.Body)
	}
	if r := s.do(t, http.MethodGet, path, daveTok, nil); !bytes.Equal(r.Body, anonymous.Body) {
		t.Fatalf("a caller without tickets sees marks: %s", r.Body)
	}
	assertMine(t, s, path, annTok, participant(pool.PoolID, ann), 2)
	assertMine(t, s, path, bobTok, participant(pool.PoolID, bob), 1)

	var v Verification
	s.do(t, http.MethodGet, path+"/verify", "", nil).decode(t, http.StatusOK, &v)
	if !v.Valid || len(v.Mismatches) != 0 || v.PoolID != pool.PoolID {
		t.Fatalf("verification %+v", v)
	}
}

// assertMine checks that the holder of tok sees exactly their participant's tickets (want
// of them) and wins marked, in a proof of the pinned shape.
func assertMine(t *testing.T, s *stack, path, tok, participant string, want int) {
	t.Helper()
	var mine DrawProof
	r := s.do(t, http.MethodGet, path, tok, nil)
	r.decode(t, http.StatusOK, &mine)
	marked := 0
	for _, tk := range mine.Tickets {
		if tk.Mine != (tk.Participant == participant) {
			t.Fatalf("ticket %d of %s marked %v for participant %s", tk.TicketNum, tk.Participant, tk.Mine, participant)
		}
		if tk.Mine {
			marked++
		}
	}
	for _, w := range mine.Winners {
		if w.Mine != (w.Participant == participant) {
			t.Fatalf("winner %+v marked wrongly for participant %s", w, participant)
		}
	}
	if marked != want {
		t.Fatalf("%d of participant %s's tickets marked, want %d: %s", marked, participant, want, r.Body)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(r.Body, &raw); err != nil || len(raw) != 11 || string(raw["terms"]) != `{"winners_count":2,"beacon":null}` {
		t.Fatalf("the marked proof has %d top-level fields, want the 11 of tickup-draw-v1 with its terms: %s", len(raw), r.Body)
	}
}
