package drawpage_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/drawpage/drawpagetest"
)

// The voided-ticket vector of docs/fairness.md: the vector pool drawn with k = 3 and no
// beacon after a card refund voided ticket 4, so the proof lists tickets 1–3 and 5–10.
const (
	voidedE = "bf4654cd20596dd959a8f2a8e025079f0ff82dd9cd0e6c4bad56fda16ffd309c"
	voidedS = "705c3ba0cf667e19d7c9c2cee04cc262a6be15968713ab922871a598a742eabb"
)

// voidedVectorProof is the proof of the voided-ticket vector: winners 7, 9 and 8.
func voidedVectorProof(terms *ticketingrpc.DrawTerms) proof {
	p := vectorProof(terms, nil, 3, 7, 9, 8)
	p.Tickets = slices.DeleteFunc(p.Tickets, func(t ticket) bool { return t.TicketNum == 4 })
	p.TicketsHash, p.N = voidedE, len(p.Tickets)
	return p
}

// TestDrawPageVerifiesAProofWithAVoidedTicket: a gap in the ticket numbers (a voided
// ticket's number is never reused) is VALID; a repeated or decreasing number is not.
func TestDrawPageVerifiesAProofWithAVoidedTicket(t *testing.T) {
	terms := &ticketingrpc.DrawTerms{WinnersCount: 3}
	valid := voidedVectorProof(terms)
	b := drawpagetest.Start(t)
	if err := b.Open(pageURL(serve(t, source{pool: vectorPoolOf("DRAWN", "Espresso machine", terms), proof: valid.JSON(t)}), vectorPool)); err != nil {
		t.Fatal(err)
	}
	got, err := b.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != "VALID" || !strings.Contains(got.Recomputed, "S = "+voidedS) || !strings.Contains(got.Recomputed, "winners #7, #9, #8; 3 words used") {
		t.Fatalf("the voided-ticket vector proof: %+v", got)
	}
	tests := []struct {
		name, names string
		num         int // ticket_num given to entry 4 (ticket 5, after ticket 3)
	}{
		{"a repeated number", "tickets: entry 4 is ticket 3, want a number above 3", 3},
		{"a decreasing number", "tickets: entry 4 is ticket 2, want a number above 3", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p proof
			if err := json.Unmarshal(valid.JSON(t), &p); err != nil {
				t.Fatal(err)
			}
			p.Tickets[3].TicketNum = tc.num
			got, err := b.Verify(string(p.JSON(t)))
			if err != nil {
				t.Fatal(err)
			}
			if got.Verdict != "INVALID" || !got.Mentions(tc.names) {
				t.Fatalf("verdict %q with %q, want INVALID naming %q", got.Verdict, got.Differences, tc.names)
			}
		})
	}
}
