package domain

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"testing/iotest"
)

func TestDrawRejectsInvalidInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		change    func(in *Input)
		wantField string
	}{
		{"k greater than N", func(in *Input) { in.WinnersCount = 11 }, "winners_count"},
		{"k zero", func(in *Input) { in.WinnersCount = 0 }, "winners_count"},
		{"weight zero", func(in *Input) { in.Tickets[4].Weight = 0 }, "tickets[4].weight"},
		{"negative weight", func(in *Input) { in.Tickets[0].Weight = -1 }, "tickets[0].weight"},
		{"total weight overflows", func(in *Input) { in.Tickets[1].Weight = math.MaxInt64 }, "tickets[1].weight"},
		{"repeated number", func(in *Input) { in.Tickets[5].Num = 5 }, "tickets[5].ticket_num"},
		{"numbering from 0", func(in *Input) { in.Tickets[0].Num = 0 }, "tickets[0].ticket_num"},
		{"negative number", func(in *Input) { in.Tickets[0].Num = -1 }, "tickets[0].ticket_num"},
		{"out of order", func(in *Input) { in.Tickets[1], in.Tickets[2] = in.Tickets[2], in.Tickets[1] }, "tickets[2].ticket_num"},
		{"no tickets", func(in *Input) { in.Tickets = nil }, "tickets"},
		{"participant not hex", func(in *Input) { in.Tickets[0].Participant = "e7d7cd691807761:" }, "tickets[0].participant"},
		{"participant uppercase", func(in *Input) { in.Tickets[0].Participant = "E7D7CD6918077615" }, "tickets[0].participant"},
		{"short seed", func(in *Input) { in.Seed = in.Seed[:31] }, "seed"},
		{"pool id not canonical", func(in *Input) { in.PoolID = "0190A7E2-0000-7000-8000-000000000001" }, "pool_id"},
		{"beacon not 32 bytes", func(in *Input) { in.Beacon = &Beacon{Round: 9, Randomness: []byte{1}} }, "beacon.randomness"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := vectorInput(3, nil)
			tt.change(&in)
			_, err := Draw(in)
			var inErr *InputError
			if !errors.As(err, &inErr) || inErr.Field != tt.wantField {
				t.Fatalf("Draw error = %v, want an InputError on %s", err, tt.wantField)
			}
		})
	}
}

func TestNewSeed(t *testing.T) {
	t.Parallel()
	seed, err := NewSeed(bytes.NewReader(vectorSeed()))
	if err != nil || !bytes.Equal(seed, vectorSeed()) {
		t.Errorf("NewSeed = %x, %v; want the 32 bytes read", seed, err)
	}
	if _, err := NewSeed(bytes.NewReader(make([]byte, 31))); err == nil {
		t.Error("NewSeed accepted a short read")
	}
	if _, err := NewSeed(iotest.ErrReader(errors.New("no entropy"))); err == nil {
		t.Error("NewSeed hid a reader error")
	}
}
