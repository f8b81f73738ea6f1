package property

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
	"tickup.dev/services/wallet/walletaudit"
)

// Settings of a run: how many sequences (`make test-property` raises it), the seed of the
// first one (a failure prints the seed that replays it alone), and how long each is.
const (
	envSequences     = "TICKUP_PROPERTY_SEQUENCES"
	envSeed          = "TICKUP_PROPERTY_SEED"
	defaultSequences = 500
	minSteps         = 10
	maxSteps         = 26
	workers          = 2 // sequences share nothing but the database: two keep it busy on two cores
)

// TestRandomMoneySequencesKeepTheBooks runs random sequences of top-ups, purchases,
// cancellations, reversals, adjustments, withdrawals, payouts and redelivered events against
// the real wallet, one database for the run and fresh accounts per sequence. After every
// sequence: each balance cache equals its POSTED ledger, no balance or available balance is
// negative, holds, withdrawals and top-ups agree with the ledger, and no purchase got back
// more than it paid. A failure prints the sequence's seed and every step it took.
func TestRandomMoneySequencesKeepTheBooks(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	n := testenv.EnvInt(t, envSequences, defaultSequences)
	first := uint64(testenv.EnvInt(t, envSeed, int(time.Now().UnixNano()%1_000_000_000)+1))
	t.Logf("%d sequences from seed %d, %d at a time", n, first, workers)
	if f := runSequences(ctx, w, first, n); f != nil {
		t.Fatalf("seed %d: %v\nsteps:\n%s\nreplay: %s=%d %s=1", f.seed, f.err, f.story, envSeed, f.seed, envSequences)
	}
	w.summarize(t)
	vs, err := walletaudit.Check(ctx, w.admin)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("audit after %d sequences from seed %d: %s", n, first, v)
	}
}

// play runs the sequence's steps, then its checks.
func (s *sequence) play() error {
	for _, u := range s.users { // most sequences start with money to spend
		if s.rng.IntN(4) > 0 {
			_, err := s.w.app.Commands.AdjustBalance.Handle(s.ctx, app.Adjustment{Actor: "admin-1", UserID: u, Direction: domain.Credit,
				AmountCents: 500 * (1 + s.rng.Int64N(6)), Reason: "opening balance"})
			if err := s.command("adjust CREDIT opening "+u[:8], err); err != nil {
				return err
			}
		}
	}
	steps := minSteps + s.rng.IntN(maxSteps-minSteps+1)
	for range steps {
		if err := s.step(); err != nil {
			return err
		}
	}
	violations, err := s.check()
	if err != nil {
		return err
	}
	if len(violations) > 0 {
		return fmt.Errorf("%d violations:\n  %s", len(violations), strings.Join(violations, "\n  "))
	}
	return nil
}

// summarize logs what the run did (with -v), to show the sequences reach every path.
func (w *world) summarize(t *testing.T) {
	t.Helper()
	t.Logf("commands: %v", w.tally)
	var rows []struct {
		Reason, Status string
		N              int
	}
	if err := w.admin.Raw(`SELECT reason, status, count(*) AS n FROM wallet_ledger GROUP BY 1, 2 ORDER BY 1, 2`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Logf("ledger: %d %s %s", r.N, r.Status, r.Reason)
	}
}
