package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vectorPool is the pool of the test vectors of docs/fairness.md.
const vectorPool = "0190a7e2-0000-7000-8000-000000000001"

// vectorProof is the proof of the §7 vectors with k = 3 and no beacon, written out from the
// published values: tickets 1..10 owned by users 1..4 in turn, ticket 3 of weight 2.
func vectorProof() string {
	participants := []string{"e7d7cd6918077615", "53014a1bd3f31e58", "560f50ee6e00ebd7", "98737208ec5ba3d3"}
	var tickets []string
	for n := 1; n <= 10; n++ {
		weight := 1
		if n == 3 {
			weight = 2
		}
		tickets = append(tickets, fmt.Sprintf(`{"ticket_num":%d,"participant":%q,"weight":%d}`, n, participants[(n-1)%4], weight))
	}
	return `{"algorithm":"tickup-draw-v1","pool_id":"` + vectorPool + `",` +
		`"commitment":"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",` +
		`"terms":{"winners_count":3,"beacon":null},` +
		`"seed":"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",` +
		`"tickets":[` + strings.Join(tickets, ",") + `],` +
		`"tickets_hash":"65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303",` +
		`"n":10,"beacon":null,"words_used":3,"winners":[` +
		`{"tier":1,"ticket_num":10,"participant":"53014a1bd3f31e58"},` +
		`{"tier":2,"ticket_num":3,"participant":"560f50ee6e00ebd7"},` +
		`{"tier":3,"ticket_num":2,"participant":"53014a1bd3f31e58"}]}`
}

// runVerify runs `tickup verify-draw args…` in process and returns its output and exit code.
func runVerify(t *testing.T, args ...string) (string, int) {
	t.Helper()
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(append([]string{"verify-draw"}, args...))
	err := root.Execute()
	var exit *exitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String() + err.Error(), exit.code
	}
	return out.String() + err.Error(), 1
}

func writeProof(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "proof.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestVerifyDrawFileOfTheDesignVectorsIsValid(t *testing.T) {
	t.Parallel()
	out, code := runVerify(t, "--file", writeProof(t, vectorProof()))
	if code != 0 || !strings.HasPrefix(out, "VALID\n") {
		t.Fatalf("exit %d:\n%s\nwant VALID", code, out)
	}
	for _, want := range []string{"10 tickets, 3 winners", "tier 1: ticket 10", "tier 2: ticket 3", "tier 3: ticket 2",
		"terms: 3 winner(s), no beacon"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestVerifyDrawSaysWhatDoesNotMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to string
		want           []string
	}{
		{"another winner", `{"tier":1,"ticket_num":10,"participant":"53014a1bd3f31e58"}`,
			`{"tier":1,"ticket_num":9,"participant":"e7d7cd6918077615"}`,
			[]string{"winners[0]: proof says tier 1 ticket 9 (participant e7d7cd6918077615), recomputed tier 1 ticket 10"}},
		{"a heavier ticket", `{"ticket_num":5,"participant":"e7d7cd6918077615","weight":1}`,
			`{"ticket_num":5,"participant":"e7d7cd6918077615","weight":2}`,
			[]string{"tickets_hash: proof says 65e7c757", "SHA-256 of the listed tickets is"}},
		{"another seed", `"seed":"00010203`, `"seed":"ff010203`,
			[]string{"commitment: proof says 630dcd29", "SHA-256(seed) is"}},
		{"words used", `"words_used":3`, `"words_used":4`, []string{"words_used: proof says 4, recomputed 3"}},
		{"ticket count", `"n":10`, `"n":11`, []string{"n: proof says 11, the tickets list has 10"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tampered := strings.Replace(vectorProof(), tc.from, tc.to, 1)
			if tampered == vectorProof() {
				t.Fatalf("tampering %q changed nothing", tc.from)
			}
			out, code := runVerify(t, "--file", writeProof(t, tampered))
			if code != 1 || !strings.HasPrefix(out, "INVALID\n") {
				t.Fatalf("exit %d:\n%s\nwant INVALID and exit 1", code, out)
			}
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

func TestVerifyDrawRefusesAProofThatBreaksItsTerms(t *testing.T) {
	t.Parallel()
	const lastWinner = `,{"tier":3,"ticket_num":2,"participant":"53014a1bd3f31e58"}]`
	const beaconTerms = `"terms":{"winners_count":3,"beacon":{"chain_hash":` +
		`"52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971","round_rule":"first-round-at-or-after-full+30s"}}`
	tests := []struct {
		name  string
		edits []string // pairs: from, to
		want  string
	}{
		{"winners cut off", []string{lastWinner, "]", `"words_used":3`, `"words_used":2`}, "winners: proof lists 2, the terms fix 3"},
		{"no beacon though the terms fix one", []string{`"terms":{"winners_count":3,"beacon":null}`, beaconTerms},
			"beacon: proof uses no beacon, the terms fix drand chain 52db9ba7"},
		{"no terms", []string{`"terms":{"winners_count":3,"beacon":null},`, ""}, "terms: missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := vectorProof()
			for i := 0; i < len(tc.edits); i += 2 {
				doc = strings.Replace(doc, tc.edits[i], tc.edits[i+1], 1)
			}
			out, code := runVerify(t, "--file", writeProof(t, doc))
			if code != 1 || !strings.HasPrefix(out, "INVALID\n") || !strings.Contains(out, tc.want) {
				t.Fatalf("exit %d:\n%s\nwant INVALID with %q", code, out, tc.want)
			}
		})
	}
}

func TestVerifyDrawFetchesFromTheAPI(t *testing.T) {
	t.Parallel()
	liar := "0190a7e2-0000-7000-8000-00000000000f" // the server answers it with another pool's proof
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || (r.URL.Path != "/api/v1/draws/"+vectorPool && r.URL.Path != "/api/v1/draws/"+liar) {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"title":"Draw not found","status":404}`)
			return
		}
		fmt.Fprint(w, vectorProof())
	}))
	t.Cleanup(srv.Close)
	if out, code := runVerify(t, "--pool", vectorPool, "--api", srv.URL+"/"); code != 0 || !strings.HasPrefix(out, "VALID\n") {
		t.Fatalf("exit %d:\n%s\nwant VALID", code, out)
	}
	out, code := runVerify(t, "--pool", liar, "--api", srv.URL)
	if code != 1 || !strings.Contains(out, "pool_id: proof says "+vectorPool+", asked for "+liar) {
		t.Fatalf("exit %d:\n%s\nwant the pool mismatch and exit 1", code, out)
	}
	other := "0190a7e2-0000-7000-8000-000000000002"
	out, code = runVerify(t, "--pool", other, "--api", srv.URL)
	if code != 1 || !strings.Contains(out, "404 Not Found") || !strings.Contains(out, "Draw not found") {
		t.Fatalf("exit %d:\n%s\nwant the API's 404 and exit 1", code, out)
	}
}

func TestVerifyDrawNeedsAProof(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {"--pool", vectorPool}, {"--file", "x.json", "--pool", vectorPool, "--api", "http://x"}} {
		if out, code := runVerify(t, args...); code == 0 {
			t.Errorf("verify-draw %v: exit 0, want an error:\n%s", args, out)
		}
	}
	if out, code := runVerify(t, "--file", writeProof(t, `{"algorithm":`)); code != 1 || !strings.Contains(out, "parse proof") {
		t.Errorf("a broken file: exit %d:\n%s", code, out)
	}
}
