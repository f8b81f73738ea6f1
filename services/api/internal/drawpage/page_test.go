package drawpage_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/drawpage"
)

// get fetches url and returns the status, the headers and the body.
func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// vectorPoolOf is the vector pool as ticketing would show it, with terms.
func vectorPoolOf(state, title string, terms *ticketingrpc.DrawTerms) drawpage.Pool {
	return drawpage.Pool{Pool: ticketingrpc.Pool{PoolID: vectorPool, State: state, TicketsRequired: 10, TicketsSold: 10,
		WinnersCount: terms.WinnersCount, DrawCommitment: vectorCommitment, DrawTerms: terms}, PrizeTitle: title}
}

// TestDrawPageAnswers covers the page's answers without a browser: a drawn pool, a pool
// not drawn yet, an unknown pool and a malformed id; whatever a pool or proof contains is
// shown as text, and the page may run only its own script.
func TestDrawPageAnswers(t *testing.T) {
	t.Parallel()
	terms := &ticketingrpc.DrawTerms{WinnersCount: 3}
	hostile := vectorProof(terms, nil, 3, 10, 3, 2)
	hostile.Tickets[0].Participant = `"><img src=x onerror=alert(1)></textarea><script>alert(2)</script>`
	drawn := serve(t, source{pool: vectorPoolOf("DRAWN", `<script>alert(3)</script>`, terms), proof: hostile.JSON(t)})
	open := serve(t, source{pool: vectorPoolOf("OPEN", "Espresso machine", terms)})
	tests := []struct {
		name, url   string
		status      int
		contentType string
		want        []string
		never       []string
	}{
		{"drawn pool", pageURL(drawn, vectorPool), http.StatusOK, "text/html; charset=utf-8",
			[]string{vectorCommitment, vectorE, `id="verify"`, "3 winners;", "no beacon", "&lt;script&gt;alert(3)", "&lt;img src=x", `src="../../draw-page/draw.js"`},
			[]string{"<script>alert", "<img", "</textarea><script>", "not-drawn"}},
		{"pool not drawn yet", pageURL(open, vectorPool), http.StatusOK, "text/html; charset=utf-8",
			[]string{vectorCommitment, "3 winners;", `id="not-drawn"`, "Espresso machine"},
			[]string{`id="verify"`, `id="winners"`}},
		{"unknown pool", pageURL(open, "0190a7e2-0000-7000-8000-000000000002"), http.StatusNotFound, "application/problem+json",
			[]string{"pool-not-found"}, nil},
		{"malformed id", pageURL(open, "pool-1"), http.StatusUnprocessableEntity, "application/problem+json",
			[]string{`"id"`}, nil},
		{"script", drawn + "/api/v1" + drawpage.AssetsPath + "/draw.js", http.StatusOK, "text/javascript; charset=utf-8",
			[]string{"tickup-draw-v1", "crypto.subtle"}, []string{"innerHTML", "eval("}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, header, body := get(t, tc.url)
			if status != tc.status || header.Get("Content-Type") != tc.contentType {
				t.Fatalf("status %d %q, want %d %q: %s", status, header.Get("Content-Type"), tc.status, tc.contentType, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("the answer lacks %q", w)
				}
			}
			for _, n := range tc.never {
				if strings.Contains(body, n) {
					t.Errorf("the answer contains %q", n)
				}
			}
			if tc.status == http.StatusOK && strings.HasPrefix(tc.contentType, "text/html") &&
				!strings.Contains(header.Get("Content-Security-Policy"), "script-src 'self'") {
				t.Errorf("Content-Security-Policy %q lets other scripts run", header.Get("Content-Security-Policy"))
			}
		})
	}
}
