package draw_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

// hook is a webhook receiver that fails the first failures requests with a 500.
type hook struct {
	mu       sync.Mutex
	failures int
	got      []hookCall
}

type hookCall struct {
	id, timestamp, signature string
	body                     []byte
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.got = append(h.got, hookCall{r.Header.Get("webhook-id"), r.Header.Get("webhook-timestamp"), r.Header.Get("webhook-signature"), body})
	if len(h.got) <= h.failures {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *hook) calls() []hookCall {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]hookCall(nil), h.got...)
}

// checkSignature verifies a call the Standard Webhooks way, independently of the service.
func checkSignature(t *testing.T, key []byte, c hookCall) {
	t.Helper()
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s.%s.%s", c.id, c.timestamp, c.body)
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	ts, err := strconv.ParseInt(c.timestamp, 10, 64)
	if !hmac.Equal([]byte(c.signature), []byte(want)) || err != nil || time.Since(time.Unix(ts, 0)).Abs() > 5*time.Minute {
		t.Fatalf("call %s: signature %q at %q, want %q within 5 minutes", c.id, c.signature, c.timestamp, want)
	}
}

func TestWinnersAreNotifiedUntilTheWebhookAccepts(t *testing.T) {
	t.Parallel()
	h := &hook{failures: 2}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	key := []byte("tickup winner notifications")
	w := newWorld(t, testenv.NATSURL(t))
	settings := []string{"TICKUP_NOTIFY_WEBHOOK_URL=" + srv.URL, "TICKUP_NOTIFY_WEBHOOK_SECRET=whsec_" + base64.StdEncoding.EncodeToString(key)}
	w.startDraw(settings...)
	w.startDraw(settings...) // two replicas: still one POST per attempt
	w.startTicketing()
	pool := w.cashPool(4, 2)
	w.fill(pool)
	e := w.awaitDrawEvent(pool.PoolID)

	testenv.WaitFor(t, waitLimit, "notification delivered", func() error {
		var status string
		if err := w.db.Raw(`SELECT status FROM draw.notification WHERE pool_id = ?`, pool.PoolID).Row().Scan(&status); err != nil || status != "DELIVERED" {
			return fmt.Errorf("status %q: %v", status, err)
		}
		return nil
	})
	calls := h.calls()
	if len(calls) != 3 {
		t.Fatalf("%d webhook calls, want 3 (two 500s, then a 204)", len(calls))
	}
	for _, c := range calls {
		checkSignature(t, key, c)
		if c.id != calls[0].id || string(c.body) != string(calls[0].body) {
			t.Fatalf("call %s %s differs from the first %s %s", c.id, c.body, calls[0].id, calls[0].body)
		}
	}
	checkNotificationBody(t, calls[0].body, e)
	checkAttempts(t, w, pool.PoolID)
}

func checkNotificationBody(t *testing.T, body []byte, e events.DrawCompleted) {
	t.Helper()
	var got struct {
		Type string `json:"type"`
		Data struct {
			PoolID string `json:"pool_id"`
			Prize  struct {
				PrizeID    string `json:"prize_id"`
				ValueCents int64  `json:"value_cents"`
				Currency   string `json:"currency"`
			} `json:"prize"`
			Winners   []events.Winner `json:"winners"`
			ProofHash string          `json:"proof_hash"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("notification body %s: %v", body, err)
	}
	d := got.Data
	if got.Type != "draw.completed" || d.PoolID != e.PoolID || d.Prize.PrizeID != e.PrizeID || d.Prize.ValueCents != e.PrizeValueCents ||
		d.Prize.Currency != e.Currency || d.ProofHash != e.ProofHash || fmt.Sprint(d.Winners) != fmt.Sprint(e.Winners) {
		t.Fatalf("notification %s, want the pool, prize and winners of %+v", body, e)
	}
}

// checkAttempts wants attempts 500, 500, 204, spaced by the back-off (1 s, then 2 s).
func checkAttempts(t *testing.T, w *world, poolID string) {
	t.Helper()
	var rows []struct {
		Attempt    int
		StatusCode int
		At         time.Time
	}
	err := w.db.Raw(`SELECT a.attempt, a.status_code, a.at FROM draw.notification_attempt a
		JOIN draw.notification n ON n.id = a.notification_id WHERE n.pool_id = ? ORDER BY a.attempt`, poolID).Scan(&rows).Error
	if err != nil || len(rows) != 3 {
		t.Fatalf("attempts %+v, %v: want 3", rows, err)
	}
	for i, want := range []int{500, 500, 204} {
		if rows[i].Attempt != i+1 || rows[i].StatusCode != want {
			t.Fatalf("attempt %d: %+v, want status %d", i+1, rows[i], want)
		}
	}
	if gap := rows[1].At.Sub(rows[0].At); gap < time.Second {
		t.Errorf("second attempt %s after the first, want at least 1s", gap)
	}
	if gap := rows[2].At.Sub(rows[1].At); gap < 2*time.Second {
		t.Errorf("third attempt %s after the second, want at least 2s", gap)
	}
}
