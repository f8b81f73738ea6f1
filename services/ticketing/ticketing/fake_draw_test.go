package ticketing_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
)

// fakeDraw stands in for the draw service's commitment endpoint (the real one has its own
// tests): a random seed per pool, remembered, so repeated calls agree.
type fakeDraw struct {
	mu           sync.Mutex
	seeds        map[string][]byte
	extraWinners int // a faulty draw fixes terms for this many more winners than asked
}

func startFakeDraw(t *testing.T, natsURL string) *fakeDraw {
	t.Helper()
	nc := connectNATS(t, natsURL)
	svc, err := rpc.NewService(nc, "draw", "0.0.0-test", "test stand-in for draw")
	if err != nil {
		t.Fatalf("fake draw: %v", err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	f := &fakeDraw{seeds: map[string][]byte{}}
	if err := rpc.Serve(svc, drawrpc.Commit, f.commit); err != nil {
		t.Fatalf("fake draw: %v", err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatalf("fake draw: %v", err)
	}
	return f
}

func (f *fakeDraw) commit(_ context.Context, req drawrpc.CommitRequest) (drawrpc.CommitResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	seed, ok := f.seeds[req.PoolID]
	if !ok {
		seed = make([]byte, 32)
		_, _ = rand.Read(seed)
		f.seeds[req.PoolID] = seed
	}
	sum := sha256.Sum256(seed)
	return drawrpc.CommitResponse{PoolID: req.PoolID, Commitment: hex.EncodeToString(sum[:]),
		Terms: drawrpc.Terms{WinnersCount: req.WinnersCount + f.extraWinners}}, nil
}

// commitment returns the hex commitment the fake gave poolID, "" if it was never asked.
func (f *fakeDraw) commitment(poolID string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	seed, ok := f.seeds[poolID]
	if !ok {
		return ""
	}
	sum := sha256.Sum256(seed)
	return hex.EncodeToString(sum[:])
}
