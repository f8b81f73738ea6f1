package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// entry returns a wallet entry of user for amount cents.
func entry(user string, amount int64) events.EntryPosted {
	return events.EntryPosted{SchemaVersion: 1, EntryID: uuid.NewString(), WalletID: uuid.NewString(), UserID: user,
		Direction: "CREDIT", Reason: "TOPUP", Status: "POSTED", AmountCents: amount, Currency: "EUR"}
}

// TestLastEventIDZeroReplaysABoundedWindow: resuming from the very beginning replays only
// the latest TICKUP_SSE_REPLAY_MAX_EVENTS messages of each stream, then goes live.
func TestLastEventIDZeroReplaysABoundedWindow(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) { s.env = append(s.env, "TICKUP_SSE_REPLAY_MAX_EVENTS=3") })
	pub := newPublisher(t, g.nats)
	ann, tok := newUser(t, auth.RoleUser)
	for amount := range int64(5) {
		pub.publish(entry(ann, amount+1))
	}
	c := g.openSSE(t, "/api/v1/me/events", tok, "0-0-0-0")
	expect(t, c, "ready", []string{`"resumed":true`}, nil)
	for _, amount := range []string{"3", "4", "5"} {
		expect(t, c, "wallet.entry.posted", []string{`"amount_cents":` + amount}, nil)
	}
	pub.publish(entry(ann, 99))
	expect(t, c, "wallet.entry.posted", []string{`"amount_cents":99`}, nil)
}

// tryOpenSSE opens path as tok's holder and returns the stream, or the problem answer.
func (g *gateway) tryOpenSSE(t *testing.T, path, tok string) (*sseClient, response) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, g.base+path, nil)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("GET %s: %v", path, err)
	}
	if resp.StatusCode == http.StatusOK {
		c := &sseClient{resp: resp, events: make(chan sseEvent, 100), ended: make(chan struct{}), cancel: cancel}
		go c.read()
		t.Cleanup(c.close)
		expect(t, c, "ready", nil, nil)
		return c, response{Status: http.StatusOK}
	}
	defer cancel()
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", path, err)
	}
	r := response{Status: resp.StatusCode, Header: resp.Header, Body: body}
	if err := g.spec.validate(req, r); err != nil {
		t.Errorf("GET %s → %d does not match the OpenAPI document: %v", path, r.Status, err)
	}
	return nil, r
}

// TestConcurrentStreamsPerUserAreCapped: a user's streams beyond the per-user cap, and an
// address's beyond the per-IP cap, get a 429 problem; closing one frees its place.
func TestConcurrentStreamsPerUserAreCapped(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) {
		s.env = append(s.env, "TICKUP_SSE_STREAMS_PER_USER=2", "TICKUP_SSE_STREAMS_PER_IP=3")
	})
	_, ann := newUser(t, auth.RoleUser)
	_, bob := newUser(t, auth.RoleUser)
	mine, pool := "/api/v1/me/events", "/api/v1/pools/"+uuid.NewString()+"/events"
	first := g.openSSE(t, mine, ann, "")
	expect(t, first, "ready", nil, nil)
	if c, _ := g.tryOpenSSE(t, pool, ann); c == nil {
		t.Fatal("ann's second stream was refused")
	}
	_, refused := g.tryOpenSSE(t, mine, ann)
	refused.problem(t, http.StatusTooManyRequests, problem.SlugRateLimited)
	if c, _ := g.tryOpenSSE(t, mine, bob); c == nil {
		t.Fatal("bob's first stream was refused")
	}
	_, refused = g.tryOpenSSE(t, pool, "") // anonymous, but from the same address
	refused.problem(t, http.StatusTooManyRequests, problem.SlugRateLimited)
	first.close()
	testenv.WaitFor(t, 10*time.Second, "ann's closed stream to free its place", func() error {
		c, r := g.tryOpenSSE(t, mine, ann)
		if c == nil {
			return fmt.Errorf("still refused: %d", r.Status)
		}
		return nil
	})
}

// TestGETsAreRateLimited exhausts a caller's and then an address's read budget.
func TestGETsAreRateLimited(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		env      []string
		otherGot int // what another user's GET gets once the first is limited
	}{
		{"per user", []string{"TICKUP_RATE_LIMIT_READS_PER_MINUTE=3"}, http.StatusOK},
		{"per IP", []string{"TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE=3"}, http.StatusTooManyRequests},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := startGateway(t, func(s *setup) { s.env = append(s.env, tc.env...) })
			_, ann := newUser(t, auth.RoleUser)
			_, bob := newUser(t, auth.RoleUser)
			for range 3 {
				g.do(t, http.MethodGet, "/api/v1/users/me", ann, nil).decode(t, http.StatusOK, &struct{}{})
			}
			limited := g.do(t, http.MethodGet, "/api/v1/users/me", ann, nil)
			limited.problem(t, http.StatusTooManyRequests, problem.SlugRateLimited)
			if limited.Header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
			if r := g.do(t, http.MethodGet, "/api/v1/users/me", bob, nil); r.Status != tc.otherGot {
				t.Errorf("bob's GET: %d, want %d", r.Status, tc.otherGot)
			}
		})
	}
}
