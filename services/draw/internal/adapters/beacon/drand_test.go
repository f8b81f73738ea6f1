package beacon

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// relay serves the real quicknet round, or the body answer returns for any request.
func relay(t *testing.T, answer func(path string) (int, string)) (*Drand, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		status, body := answer(r.URL.Path)
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	d := NewQuicknet(srv.URL + "/")
	return d, &calls
}

func realBody(round uint64, sig, randomness string) string {
	return fmt.Sprintf(`{"round":%d,"randomness":%q,"signature":%q}`, round, randomness, sig)
}

func TestFetchVerifiesTheRealRound(t *testing.T) {
	t.Parallel()
	d, _ := relay(t, func(path string) (int, string) {
		if path != "/"+Quicknet().Hash+"/public/657413" {
			return http.StatusNotFound, "no such round"
		}
		return http.StatusOK, realBody(realRound, realSignature, realRandomness)
	})
	b, sig, err := d.Fetch(context.Background(), realRound)
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if b.Round != realRound || hex.EncodeToString(b.Randomness) != realRandomness || hex.EncodeToString(sig) != realSignature {
		t.Fatalf("fetched %+v, want round %d randomness %s", b, realRound, realRandomness)
	}
}

func TestFetchRefusesWhatDoesNotVerify(t *testing.T) {
	t.Parallel()
	sig := mustHex(t, realSignature)
	sig[20] ^= 0x04
	tampered := hex.EncodeToString(sig)
	cases := map[string]struct {
		status int
		body   string
		want   string
	}{
		"tampered signature": {http.StatusOK, realBody(realRound, tampered, realRandomness), "does not verify"},
		"lying randomness":   {http.StatusOK, realBody(realRound, realSignature, strings.Repeat("ab", 32)), "not SHA-256"},
		"another round":      {http.StatusOK, realBody(realRound+1, realSignature, realRandomness), "answered round"},
		"not yet":            {http.StatusTooEarly, "too early", "not published"},
		"relay failure":      {http.StatusBadGateway, "down", "502"},
		"garbage":            {http.StatusOK, "{", "decode"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			d, _ := relay(t, func(string) (int, string) { return c.status, c.body })
			_, _, err := d.Fetch(context.Background(), realRound)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("fetch: %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestFetchDoesNotAskBeforeTheRoundIsDue(t *testing.T) {
	t.Parallel()
	d, calls := relay(t, func(string) (int, string) { return http.StatusOK, "{}" })
	future := d.RoundAt(time.Now().Add(time.Minute))
	_, _, err := d.Fetch(context.Background(), future)
	if !errors.Is(err, ErrNotPublished) || calls.Load() != 0 {
		t.Fatalf("fetch of a future round: %v after %d calls, want ErrNotPublished without asking", err, calls.Load())
	}
}
