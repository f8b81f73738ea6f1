package api

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/idempotency"
	"tickup.dev/services/api/internal/problem"
)

// TestIdempotencyReplaysAndRefuses covers a replay (status, body, Location), a reused key
// with another body (422), keys scoped per caller, a bad key, and a 5xx that is not kept.
func TestIdempotencyReplaysAndRefuses(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	_, adminTok := newUser(t, auth.RoleAdmin)
	_, otherAdminTok := newUser(t, auth.RoleAdmin)
	body := map[string]string{"email": "replay@example.com"}
	first := g.do(t, http.MethodPost, "/api/v1/users", adminTok, body, "Idempotency-Key", "seed-1")
	second := g.do(t, http.MethodPost, "/api/v1/users", adminTok, body, "Idempotency-Key", "seed-1")
	if first.Status != http.StatusCreated || second.Status != first.Status || !bytes.Equal(second.Body, first.Body) {
		t.Fatalf("first %d %s, replay %d %s", first.Status, first.Body, second.Status, second.Body)
	}
	if loc := first.Header.Get("Location"); loc == "" || second.Header.Get("Location") != loc {
		t.Errorf("Location %q then %q", loc, second.Header.Get("Location"))
	}
	if first.Header.Get(idempotency.HeaderReplayed) != "" || second.Header.Get(idempotency.HeaderReplayed) != "true" {
		t.Errorf("Idempotent-Replayed %q then %q", first.Header.Get(idempotency.HeaderReplayed), second.Header.Get(idempotency.HeaderReplayed))
	}
	if ct := second.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("replayed Content-Type %q", ct)
	}
	g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"email": "other@example.com"}, "Idempotency-Key", "seed-1").
		problem(t, http.StatusUnprocessableEntity, problem.SlugIdempotencyKeyReuse)
	if r := g.do(t, http.MethodPost, "/api/v1/users", otherAdminTok, body, "Idempotency-Key", "seed-1"); r.Status != http.StatusCreated || r.Header.Get(idempotency.HeaderReplayed) != "" {
		t.Errorf("another caller's same key: %d replayed=%q", r.Status, r.Header.Get(idempotency.HeaderReplayed))
	}
	if n := g.count(t, `SELECT count(*) FROM app_user WHERE email = 'replay@example.com'`); n != 2 {
		t.Errorf("%d users created, want one per caller", n)
	}
	g.do(t, http.MethodPost, "/api/v1/users", adminTok, body, "Idempotency-Key", strings.Repeat("k", 256)).
		problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	g.do(t, http.MethodPost, "/api/v1/probe/flaky", adminTok, nil, "Idempotency-Key", "flaky-1").
		problem(t, http.StatusInternalServerError, problem.SlugInternal)
	retry := g.do(t, http.MethodPost, "/api/v1/probe/flaky", adminTok, nil, "Idempotency-Key", "flaky-1")
	if retry.Status != http.StatusCreated || retry.Header.Get(idempotency.HeaderReplayed) != "" {
		t.Errorf("retry after a 5xx: %d replayed=%q, want a fresh 201", retry.Status, retry.Header.Get(idempotency.HeaderReplayed))
	}
}

// TestConcurrentDuplicatesHaveOneEffect fires 50 identical requests with one key at once:
// exactly one creates the user, each other is refused as in flight or replays it.
func TestConcurrentDuplicatesHaveOneEffect(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	_, adminTok := newUser(t, auth.RoleAdmin)
	g.do(t, http.MethodGet, "/api/v1/users/me", adminTok, nil)
	body := map[string]string{"email": "rush@example.com"}
	results := make([]response, 50)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			results[i] = g.do(t, http.MethodPost, "/api/v1/users", adminTok, body, "Idempotency-Key", "rush")
		})
	}
	wg.Wait()
	created, replayed, inFlight := 0, 0, 0
	for _, r := range results {
		switch {
		case r.Status == http.StatusCreated && r.Header.Get(idempotency.HeaderReplayed) == "true":
			replayed++
		case r.Status == http.StatusCreated:
			created++
		case r.Status == http.StatusConflict:
			r.problem(t, http.StatusConflict, problem.SlugIdempotencyInFlight)
			inFlight++
		default:
			t.Errorf("unexpected answer %d %s", r.Status, r.Body)
		}
	}
	t.Logf("created %d, replayed %d, in flight %d", created, replayed, inFlight)
	if created != 1 || created+replayed+inFlight != len(results) {
		t.Errorf("created %d, replayed %d, in flight %d", created, replayed, inFlight)
	}
	if n := g.count(t, `SELECT count(*) FROM app_user WHERE email = 'rush@example.com'`); n != 1 {
		t.Errorf("%d users created, want 1", n)
	}
}

// TestIdempotencyKeysExpire lets the sweeper purge a key past its TTL; the key is then
// free for a new request.
func TestIdempotencyKeysExpire(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) {
		s.env = append(s.env, "TICKUP_IDEMPOTENCY_TTL=1s", "TICKUP_IDEMPOTENCY_SWEEP_INTERVAL=50ms")
	})
	_, adminTok := newUser(t, auth.RoleAdmin)
	key := uuid.NewString()
	g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"email": "a@example.com"}, "Idempotency-Key", key)
	if n := g.count(t, `SELECT count(*) FROM idempotency_key WHERE key = ?`, key); n != 1 {
		t.Fatalf("%d keys stored", n)
	}
	testenv.WaitFor(t, 10*time.Second, "the key to be purged", func() error {
		if g.count(t, `SELECT count(*) FROM idempotency_key WHERE key = ?`, key) != 0 {
			return errStillThere
		}
		return nil
	})
	r := g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"email": "b@example.com"}, "Idempotency-Key", key)
	if r.Status != http.StatusCreated || r.Header.Get(idempotency.HeaderReplayed) != "" {
		t.Errorf("reuse after expiry: %d replayed=%q", r.Status, r.Header.Get(idempotency.HeaderReplayed))
	}
}
