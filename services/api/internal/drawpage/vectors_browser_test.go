package drawpage_test

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/drawpage/drawpagetest"
)

// screenshot, when set, is where TestDrawPageVerifiesTheTestVectors saves a PNG of the
// verified page (the README's picture: -args -screenshot ../../../../docs/images/draw-page.png).
var screenshot = flag.String("screenshot", "", "save a PNG of the verified vector page to this file")

// TestDrawPageVerifiesTheTestVectors runs the page's verifier in Chromium on proofs built
// from the tickup-draw-v1 test vectors, pinning the JavaScript to the specification, and on
// altered copies, each of which must be INVALID with the difference named.
func TestDrawPageVerifiesTheTestVectors(t *testing.T) {
	terms := &ticketingrpc.DrawTerms{WinnersCount: 3}
	valid := vectorProof(terms, nil, 3, 10, 3, 2)
	b := drawpagetest.Start(t)
	if err := b.Open(pageURL(serve(t, source{pool: vectorPoolOf("DRAWN", "Espresso machine", terms), proof: valid.JSON(t)}), vectorPool)); err != nil {
		t.Fatal(err)
	}
	got, err := b.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != "VALID" || !strings.Contains(got.Recomputed, "S = "+vectorS3) || !strings.Contains(got.Recomputed, "winners #10, #3, #2; 3 words used") {
		t.Fatalf("the published vector proof: %+v", got)
	}
	saveScreenshot(t, b)
	for _, tc := range tamperings(valid) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := b.Verify(tc.proof(t))
			if err != nil {
				t.Fatal(err)
			}
			if got.Verdict != "INVALID" || !got.Mentions(tc.names) {
				t.Fatalf("verdict %q with %q, want INVALID naming %q", got.Verdict, got.Differences, tc.names)
			}
			if n, err := drawpagetest.Eval[int](b, `document.querySelectorAll('img, #differences script').length`); err != nil || n != 0 {
				t.Fatalf("the proof's content became markup: %d elements (%v)", n, err)
			}
		})
	}
}

// tampering is an altered copy of a valid proof and the difference the page must name.
type tampering struct {
	name, names string
	proof       func(t *testing.T) string
}

// tamperings alters valid one way each.
func tamperings(valid proof) []tampering {
	alter := func(edit func(p *proof)) func(t *testing.T) string {
		return func(t *testing.T) string {
			var p proof
			if err := json.Unmarshal(valid.JSON(t), &p); err != nil {
				t.Fatal(err)
			}
			edit(&p)
			return string(p.JSON(t))
		}
	}
	return []tampering{
		{"a ticket's weight", "tickets_hash: the proof says " + vectorE, alter(func(p *proof) { p.Tickets[4].Weight = 5 })},
		{"a winner", "winners: tier 1 is ticket 9", alter(func(p *proof) { p.Winners[0].TicketNum = 9 })},
		{"the seed", "commitment: the proof says " + vectorCommitment + ", SHA-256(seed) is", alter(func(p *proof) { p.Seed = strings.Repeat("ab", 32) })},
		{"the commitment and seed together", "the pool published " + vectorCommitment, alter(func(p *proof) {
			p.Seed = strings.Repeat("00", 32)
			p.Commitment = "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
		})},
		{"fewer winners than the terms", "winners: the proof lists 2, its terms fix 3", alter(func(p *proof) { p.Winners = p.Winners[:2] })},
		{"terms changed with the winners", "terms: the proof says", alter(func(p *proof) {
			p.Terms = &ticketingrpc.DrawTerms{WinnersCount: 2}
			p.Winners = p.Winners[:2]
			p.WordsUsed = 2
		})},
		{"a beacon the terms exclude", "beacon: the proof uses a beacon, its terms say no beacon", alter(func(p *proof) {
			p.Beacon = &beacon{Round: 1, Randomness: strings.Repeat("fc", 32)}
		})},
		{"words used", "words_used: the proof says 4, the recomputation used 3", alter(func(p *proof) { p.WordsUsed = 4 })},
		{"markup in a participant", "tickets_hash", alter(func(p *proof) { p.Tickets[0].Participant = `<img src=x onerror="document.title='pwned'">` })},
		{"not JSON", "proof: not JSON", func(*testing.T) string { return `{"algorithm": <script>` }},
	}
}

// TestDrawPageVerifiesTheBeaconVector checks the beacon vector: one winner, ticket 7.
func TestDrawPageVerifiesTheBeaconVector(t *testing.T) {
	terms := &ticketingrpc.DrawTerms{WinnersCount: 1, Beacon: &ticketingrpc.DrawTermsBeacon{ChainHash: chainHash, RoundRule: roundRule}}
	p := vectorProof(terms, &beacon{Round: 12_345_678, Randomness: strings.Repeat("fc", 32)}, 1, 7)
	b := drawpagetest.Start(t)
	if err := b.Open(pageURL(serve(t, source{pool: vectorPoolOf("DRAWN", "Espresso machine", terms), proof: p.JSON(t)}), vectorPool)); err != nil {
		t.Fatal(err)
	}
	got, err := b.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != "VALID" || !strings.Contains(got.Recomputed, "S = "+vectorSBeacon) || !strings.Contains(got.Recomputed, "winners #7;") {
		t.Fatalf("the beacon vector proof: %+v", got)
	}
	p.Beacon = nil
	got, err = b.Verify(string(p.JSON(t)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != "INVALID" || !got.Mentions("beacon: the proof uses no beacon, its terms say a drand beacon") {
		t.Fatalf("the beacon vector without its beacon: %+v", got)
	}
}

// saveScreenshot writes the page's PNG where -screenshot says, if it says.
func saveScreenshot(t *testing.T, b *drawpagetest.Browser) {
	t.Helper()
	if *screenshot == "" {
		return
	}
	png, err := b.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
