package e2e

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/api/apitest"
)

// TestDrawPageOfARealDrawVerifiesInChromium drives the public draw page of a real draw
// (ticketing sells out a pool, the draw service draws it) in headless Chromium: before the
// draw the page says so and shows the commitment; after it, "Verify in your browser" says
// VALID, and a tampered copy of the proof (a winner moved, a weight raised) says INVALID.
func TestDrawPageOfARealDrawVerifiesInChromium(t *testing.T) {
	t.Parallel()
	b := apitest.StartBrowser(t)
	s := drawStack(t)
	pool := s.openPool(t, 4, 2)
	page := "/api/v1/pools/" + pool.PoolID + "/draw"
	before := s.do(t, http.MethodGet, page, "", nil)
	if before.Status != http.StatusOK || !strings.Contains(string(before.Body), pool.DrawCommitment) ||
		!strings.Contains(string(before.Body), `id="not-drawn"`) {
		t.Fatalf("the page before the draw: %d %s", before.Status, before.Body)
	}
	s.do(t, http.MethodGet, "/api/v1/pools/"+uuid.NewString()+"/draw", "", nil).problem(t, http.StatusNotFound, "pool-not-found")
	s.do(t, http.MethodGet, "/api/v1/pools/pool-1/draw", "", nil).invalid(t, "id")
	for range 4 {
		s.buy(t, pool, uuid.NewString())
	}
	published := s.drawn(t, pool.PoolID).Body

	if err := b.Open(s.base + page); err != nil {
		t.Fatal(err)
	}
	got, err := b.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != "VALID" || len(got.Differences) != 0 {
		t.Fatalf("the published proof: %+v", got)
	}
	tests := []struct {
		name, names string
		edit        func(p map[string]any)
	}{
		{"a winner moved", "winners: tier 1", func(p map[string]any) { moveFirstWinner(p) }},
		{"a weight raised", "tickets_hash", func(p map[string]any) { p["tickets"].([]any)[0].(map[string]any)["weight"] = 3 }},
	}
	for _, tc := range tests {
		got, err := b.Verify(tamper(t, published, tc.edit))
		if err != nil {
			t.Fatal(err)
		}
		if got.Verdict != "INVALID" || !got.Mentions(tc.names) {
			t.Errorf("%s: verdict %q with %q, want INVALID naming %q", tc.name, got.Verdict, got.Differences, tc.names)
		}
	}
}

// tamper is the proof doc after edit.
func tamper(t *testing.T, doc []byte, edit func(map[string]any)) string {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal(doc, &p); err != nil {
		t.Fatal(err)
	}
	edit(p)
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// moveFirstWinner gives tier 1 to a ticket that did not win.
func moveFirstWinner(p map[string]any) {
	won := map[float64]bool{}
	winners := p["winners"].([]any)
	for _, w := range winners {
		won[w.(map[string]any)["ticket_num"].(float64)] = true
	}
	for _, tk := range p["tickets"].([]any) {
		if n := tk.(map[string]any)["ticket_num"].(float64); !won[n] {
			winners[0].(map[string]any)["ticket_num"] = n
			return
		}
	}
}
