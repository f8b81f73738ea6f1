package domain

import (
	"slices"
	"testing"
)

// gappedProof is the vectors' 3-winner draw with the tickets numbered in
// voided left out, as ticketing lists a pool some of whose tickets were
// voided by a card refund (docs/fairness.md, "Voided tickets").
func gappedProof(t *testing.T, voided ...int64) Proof {
	t.Helper()
	in := vectorInput(3, nil)
	in.Terms = &Terms{WinnersCount: 3}
	for _, num := range voided {
		in = withoutTicket(in, num)
	}
	res, err := Draw(in)
	if err != nil {
		t.Fatalf("draw without tickets %v: %v", voided, err)
	}
	return NewProof(in, res)
}

func TestProofWithAGapInNumberingVerifies(t *testing.T) {
	t.Parallel()
	for _, voided := range [][]int64{{4}, {1}, {10}, {2, 3, 7}} {
		p := gappedProof(t, voided...)
		if got := Verify(p); len(got) != 0 {
			t.Fatalf("proof without tickets %v: %v", voided, got)
		}
		if p.N != uint64(10-len(voided)) {
			t.Errorf("proof without tickets %v has n = %d, want %d", voided, p.N, 10-len(voided))
		}
		for _, w := range p.Winners {
			if slices.Contains(voided, w.TicketNum) {
				t.Errorf("voided ticket %d won tier %d", w.TicketNum, w.Tier)
			}
		}
	}
}

func TestProofWithARepeatedOrDecreasingNumberFails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		tamper func(p *Proof)
		field  string
		text   string
	}{
		// Without ticket 4 the list is 1, 2, 3, 5, …: index 3 holds ticket 5.
		{"repeated", func(p *Proof) { p.Tickets[3].Num = 3 }, "tickets[3].ticket_num", "is 3 after 3"},
		{"decreasing", func(p *Proof) { p.Tickets[3].Num = 2 }, "tickets[3].ticket_num", "is 2 after 3"},
		{"zero", func(p *Proof) { p.Tickets[0].Num = 0 }, "tickets[0].ticket_num", "is 0, want at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := gappedProof(t, 4)
			tt.tamper(&p)
			if got := Verify(p); !hasMismatch(got, tt.field, tt.text) {
				t.Errorf("Verify = %v, want a mismatch on %s mentioning %q", got, tt.field, tt.text)
			}
		})
	}
}
