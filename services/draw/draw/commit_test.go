package draw_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// startDraw runs the draw service against a fresh database and embedded NATS; it returns a
// client and the admin URL of the database.
func startDraw(t *testing.T) (*drawrpc.Client, string) {
	t.Helper()
	admin := testenv.FreshDatabase(t)
	natsURL := testenv.NATSURL(t)
	cfg := testenv.Config(t, testenv.ServiceDSN(t, admin, draw.Name), natsURL)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- draw.Run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("draw.Run: %v", err)
		}
	})
	nc, err := nats.Connect(natsURL)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(nc.Close)
	client := drawrpc.NewClient(nc)
	testenv.WaitFor(t, 30*time.Second, "draw commit endpoint", func() error {
		_, err := client.Commit(context.Background(), drawrpc.CommitRequest{PoolID: uuid.NewString(), WinnersCount: 1})
		return err
	})
	return client, admin
}

func TestCommitIsIdempotentAndHashesTheStoredSeed(t *testing.T) {
	t.Parallel()
	client, admin := startDraw(t)
	poolID := uuid.Must(uuid.NewV7()).String()
	commitments := make([]string, 8)
	var wg sync.WaitGroup
	for i := range commitments {
		wg.Go(func() {
			resp, err := client.Commit(context.Background(), drawrpc.CommitRequest{PoolID: poolID, WinnersCount: 2})
			if err != nil {
				t.Errorf("commit %d: %v", i, err)
				return
			}
			if resp.PoolID != poolID {
				t.Errorf("commit %d answered pool %s", i, resp.PoolID)
			}
			if resp.Terms.WinnersCount != 2 || resp.Terms.Beacon != nil {
				t.Errorf("commit %d answered terms %+v, want 2 winners and no beacon", i, resp.Terms)
			}
			commitments[i] = resp.Commitment
		})
	}
	wg.Wait()
	for i, c := range commitments {
		if c != commitments[0] {
			t.Fatalf("commitment %d = %s, want the first %s: a second call made a new seed", i, c, commitments[0])
		}
	}
	seed := storedSeed(t, admin, poolID)
	if sum := sha256.Sum256(seed); hex.EncodeToString(sum[:]) != commitments[0] || len(seed) != 32 {
		t.Fatalf("commitment %s is not SHA-256 of the stored %d-byte seed", commitments[0], len(seed))
	}
	_, err := client.Commit(context.Background(), drawrpc.CommitRequest{PoolID: poolID, WinnersCount: 3})
	wantProblem(t, func() error { return err }, http.StatusConflict, drawrpc.TypeTermsConflict)
	other, err := client.Commit(context.Background(), drawrpc.CommitRequest{PoolID: uuid.NewString(), WinnersCount: 2})
	if err != nil || other.Commitment == commitments[0] {
		t.Fatalf("another pool got %v, %v: want its own commitment", other, err)
	}
}

func TestCommitRefusesABadPoolID(t *testing.T) {
	t.Parallel()
	client, _ := startDraw(t)
	tests := []struct {
		req   drawrpc.CommitRequest
		field string
	}{
		{drawrpc.CommitRequest{PoolID: "", WinnersCount: 1}, "pool_id"},
		{drawrpc.CommitRequest{PoolID: "pool-1", WinnersCount: 1}, "pool_id"},
		{drawrpc.CommitRequest{PoolID: "0190a7e2-0000-7000-8000", WinnersCount: 1}, "pool_id"},
		{drawrpc.CommitRequest{PoolID: uuid.NewString()}, "winners_count"},
		{drawrpc.CommitRequest{PoolID: uuid.NewString(), WinnersCount: -1}, "winners_count"},
	}
	for _, tc := range tests {
		_, err := client.Commit(context.Background(), tc.req)
		var p *rpc.Problem
		if !errors.As(err, &p) || p.Status != http.StatusUnprocessableEntity || p.Errors[tc.field] == "" {
			t.Errorf("%+v: got %v, want a 422 naming %s", tc.req, err, tc.field)
		}
	}
}

func storedSeed(t *testing.T, admin, poolID string) []byte {
	t.Helper()
	gdb := testenv.Open(t, admin)
	var seed []byte
	if err := gdb.Raw(`SELECT seed FROM draw.pool_seed WHERE pool_id = ?`, poolID).Row().Scan(&seed); err != nil {
		t.Fatal(fmt.Errorf("read seed: %w", err))
	}
	return seed
}
