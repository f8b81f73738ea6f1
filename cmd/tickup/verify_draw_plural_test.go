package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"tickup.dev/services/draw/drawproof"
)

// TestVerifyDrawCountsInGoodEnglish: "1 ticket, 1 winner", never "1 winners".
func TestVerifyDrawCountsInGoodEnglish(t *testing.T) {
	t.Parallel()
	cases := []struct {
		tickets uint64
		winners int
		want    string
	}{
		{1, 1, "1 ticket, 1 winner ("},
		{2, 1, "2 tickets, 1 winner ("},
		{10, 3, "10 tickets, 3 winners ("},
		{0, 0, "0 tickets, 0 winners ("},
	}
	for _, c := range cases {
		p := drawproof.Proof{PoolID: vectorPool, N: c.tickets, Algorithm: "tickup-draw-v1"}
		p.Winners = slices.Grow(p.Winners, c.winners)[:c.winners] // zero winners: only their count is printed
		var out bytes.Buffer
		printValid(&out, p)
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%d tickets, %d winners printed %q, want %q", c.tickets, c.winners, out.String(), c.want)
		}
	}
}
