package draw_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/drawproof"
	"tickup.dev/services/draw/internal/domain"
)

// proofFields are the fields of the published proof (docs/fairness.md).
var proofFields = []string{"algorithm", "beacon", "commitment", "n", "pool_id", "seed", "terms", "tickets", "tickets_hash", "winners", "words_used"}

func TestProofAndVerifyOfADrawnPool(t *testing.T) {
	t.Parallel()
	w := newWorld(t, testenv.NATSURL(t))
	w.startDraw()
	w.startTicketing()
	pool := w.cashPool(5, 2)
	users := w.fill(pool)
	e := w.awaitDrawEvent(pool.PoolID)
	ctx := context.Background()

	doc, err := w.draws.Proof(ctx, pool.PoolID, users[0])
	if err != nil {
		t.Fatalf("proof: %v", err)
	}
	checkProofShape(t, doc.Proof)
	if pool.DrawTerms == nil || pool.DrawTerms.WinnersCount != 2 || pool.DrawTerms.Beacon != nil {
		t.Fatalf("pool terms %+v, want the 2 winners without a beacon the proof shows", pool.DrawTerms)
	}
	proof, err := drawproof.Parse(doc.Proof)
	if err != nil || len(drawproof.Verify(proof)) != 0 || doc.ProofHash != e.ProofHash || proof.Commitment.String() != pool.DrawCommitment {
		t.Fatalf("proof %s (%v): %v; hash %s, event's %s; commitment %s, pool's %s", doc.Proof, err,
			drawproof.Verify(proof), doc.ProofHash, e.ProofHash, proof.Commitment, pool.DrawCommitment)
	}
	if want := domain.Participant(pool.PoolID, users[0]); doc.Participant != want || proof.Tickets[0].Participant != want || proof.Tickets[0].Weight != 2 {
		t.Fatalf("participant %s, first ticket %+v: want %s with the boosted ticket", doc.Participant, proof.Tickets[0], want)
	}
	page, err := drawrpc.Proof.Call(ctx, w.bus.NC,
		drawrpc.ProofRequest{PoolID: pool.PoolID, Offset: 10})
	if err != nil || string(page.Chunk) != string(doc.Proof[10:]) || page.Offset != 10 || page.NextOffset != 0 || page.Size != int64(len(doc.Proof)) {
		t.Fatalf("page from offset 10: %+v, %v", page, err)
	}
	if res, err := w.draws.Verify(ctx, pool.PoolID); err != nil || !res.Valid || len(res.Mismatches) != 0 {
		t.Fatalf("verify: %+v, %v", res, err)
	}
	wantProblem(t, func() error { _, err := w.draws.Proof(ctx, uuid.NewString(), ""); return err }, http.StatusNotFound, drawrpc.TypeDrawNotFound)
	wantProblem(t, func() error { _, err := w.draws.Verify(ctx, uuid.NewString()); return err }, http.StatusNotFound, drawrpc.TypeDrawNotFound)
	wantProblem(t, func() error { _, err := w.draws.Proof(ctx, "pool-1", ""); return err }, http.StatusUnprocessableEntity, drawrpc.TypeValidation)
	wantProblem(t, func() error { _, err := w.draws.Proof(ctx, pool.PoolID, "me"); return err }, http.StatusUnprocessableEntity, drawrpc.TypeValidation)
}

func checkProofShape(t *testing.T, doc []byte) {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(doc, &fields); err != nil {
		t.Fatalf("proof: %v", err)
	}
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, proofFields) || string(fields["beacon"]) != "null" || string(fields["algorithm"]) != `"tickup-draw-v1"` ||
		string(fields["terms"]) != `{"winners_count":2,"beacon":null}` {
		t.Fatalf("proof fields %v (beacon %s, terms %s), want %v with a null beacon and the pool's terms", keys, fields["beacon"],
			fields["terms"], proofFields)
	}
}

func wantProblem(t *testing.T, call func() error, status int, typ string) {
	t.Helper()
	var p *rpc.Problem
	if err := call(); !errors.As(err, &p) || p.Status != status || p.Type != typ || p.Detail == "" {
		t.Fatalf("got %v, want a %d problem of type %s with a detail", err, status, typ)
	}
}

func TestVerifyReportsTamperingInTheDatabase(t *testing.T) {
	t.Parallel()
	w := newWorld(t, testenv.NATSURL(t))
	w.startDraw()
	w.startTicketing()
	tests := []struct {
		name   string
		tamper string
		want   []string
	}{
		{"a stored ticket", `UPDATE draw.draw_ticket SET weight = weight + 5 WHERE ticket_num = 2
			AND draw_id = (SELECT draw_id FROM draw.draw WHERE pool_id = ?)`,
			[]string{"stored tickets_hash:", "stored s:", "tickets[1]: proof says 2:"}},
		{"the stored seed", `UPDATE draw.pool_seed SET seed = sha256(seed) WHERE pool_id = ?`,
			[]string{"stored commitment:", "stored s:", "seed: "}},
		{"the stored terms", `UPDATE draw.pool_seed SET terms = jsonb_set(terms, '{winners_count}', '2') WHERE pool_id = ?`,
			[]string{"terms: proof says 1 winner(s), no beacon, the pool was committed to 2 winner(s)", "stored winners_count: 1, the terms fix 2"}},
	}
	for _, tc := range tests {
		pool := w.cashPool(4, 1)
		w.fill(pool)
		w.awaitDrawEvent(pool.PoolID)
		refused := w.db.Exec(tc.tamper, pool.PoolID).Error
		if refused == nil || !strings.Contains(refused.Error(), "append-only") {
			t.Fatalf("%s: a plain UPDATE gave %v, want the append-only refusal", tc.name, refused)
		}
		w.tampered[pool.PoolID] = true
		err := w.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(`SET LOCAL session_replication_role = replica`).Error; err != nil { // bypasses triggers
				return err
			}
			return tx.Exec(tc.tamper, pool.PoolID).Error
		})
		if err != nil {
			t.Fatalf("%s: tamper: %v", tc.name, err)
		}
		res, err := w.draws.Verify(context.Background(), pool.PoolID)
		got := strings.Join(res.Mismatches, "\n")
		t.Logf("%s tampered:\n%s", tc.name, got)
		if err != nil || res.Valid {
			t.Fatalf("%s: verify %+v, %v: want invalid", tc.name, res, err)
		}
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: mismatches lack %q:\n%s", tc.name, want, got)
			}
		}
	}
}
