package domain

import (
	"strings"
	"testing"
)

func TestVerifyReportsTampering(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		tamper    func(p *Proof)
		wantField string
		wantText  string
	}{
		{"untouched", func(*Proof) {}, "", ""},
		{"seed changed", func(p *Proof) { p.Seed[0] ^= 1 }, "commitment", "SHA-256(seed) is"},
		{"participant changed", func(p *Proof) { p.Tickets[6].Participant = "0000000000000000" }, "tickets_hash", "proof says 65e7c757"},
		{"tickets reordered", func(p *Proof) { p.Tickets[0], p.Tickets[1] = p.Tickets[1], p.Tickets[0] }, "tickets[1].ticket_num", "is 1 after 2"},
		{"weight changed", func(p *Proof) { p.Tickets[2].Weight = 1 }, "tickets_hash", "SHA-256 of the listed tickets"},
		{"winner changed", func(p *Proof) { p.Winners[0].TicketNum = 9 }, "winners[0]", "proof says tier 1 ticket 9"},
		{"words used changed", func(p *Proof) { p.WordsUsed = 4 }, "words_used", "proof says 4, recomputed 3"},
		{"n changed", func(p *Proof) { p.N = 11 }, "n", "proof says 11, the tickets list has 10"},
		{"beacon added", func(p *Proof) { p.Beacon = &ProofBeacon{Round: 1, Randomness: fcBeacon().Randomness} }, "winners[0]", "recomputed"},
		{"algorithm changed", func(p *Proof) { p.Algorithm = "tickup-draw-v2" }, "algorithm", `"tickup-draw-v2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := vectorProof(t, nil)
			tt.tamper(&p)
			got := Verify(p)
			if tt.wantField == "" {
				if len(got) != 0 {
					t.Fatalf("untouched proof reported %v", got)
				}
				return
			}
			if !hasMismatch(got, tt.wantField, tt.wantText) {
				t.Errorf("Verify = %v, want a mismatch on %s mentioning %q", got, tt.wantField, tt.wantText)
			}
		})
	}
}

func hasMismatch(ms []Mismatch, field, text string) bool {
	for _, m := range ms {
		if m.Field == field && strings.Contains(m.String(), text) {
			return true
		}
	}
	return false
}
