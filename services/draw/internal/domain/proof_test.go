package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

func vectorProof(t *testing.T, beacon *Beacon) Proof {
	t.Helper()
	in := vectorInput(3, beacon)
	in.Terms = &Terms{WinnersCount: 3}
	if beacon != nil {
		in.Terms.Beacon = &TermsBeacon{ChainHash: testChainHash, RoundRule: RoundRuleAfterFull}
	}
	res, err := Draw(in)
	if err != nil {
		t.Fatal(err)
	}
	return NewProof(in, res)
}

func TestProofJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		beacon *Beacon
		want   []string
	}{
		{"no beacon", nil, []string{
			`{"algorithm":"tickup-draw-v1","pool_id":"0190a7e2-0000-7000-8000-000000000001",`,
			`"commitment":"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",`,
			`"terms":{"winners_count":3,"beacon":null},`,
			`"seed":"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",`,
			`"tickets":[{"ticket_num":1,"participant":"e7d7cd6918077615","weight":1},`,
			`"tickets_hash":"65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303","n":10,"beacon":null,"words_used":3,`,
			`"winners":[{"tier":1,"ticket_num":10,"participant":"53014a1bd3f31e58"},{"tier":2,"ticket_num":3,`,
		}},
		{"beacon", fcBeacon(), []string{`"terms":{"winners_count":3,"beacon":{"chain_hash":"` + testChainHash +
			`","round_rule":"first-round-at-or-after-full+30s"}}`, `"beacon":{"round":1,"randomness":"fcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfcfc"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			raw, err := json.Marshal(vectorProof(t, tt.beacon))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(raw), w) {
					t.Errorf("proof JSON lacks %s\n%s", w, raw)
				}
			}
		})
	}
}

func TestProofJSONRoundTripVerifies(t *testing.T) {
	t.Parallel()
	for _, beacon := range []*Beacon{nil, fcBeacon()} {
		raw, _ := json.Marshal(vectorProof(t, beacon))
		var p Proof
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if got := Verify(p); len(got) != 0 {
			t.Errorf("decoded proof does not verify: %v", got)
		}
	}
}
