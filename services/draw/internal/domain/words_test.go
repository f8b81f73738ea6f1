package domain

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"
	"testing"
)

// scriptedWords is a crafted word stream for tests.
type scriptedWords struct {
	words []uint64
	used  int
}

func (s *scriptedWords) Next() uint64 {
	if s.used == len(s.words) {
		panic("scripted word stream exhausted")
	}
	w := s.words[s.used]
	s.used++
	return w
}

func TestWordsFollowTheSpec(t *testing.T) {
	t.Parallel()
	var s [32]byte
	copy(s[:], "any draw seed S for this test..")
	words := NewWords(s)
	for c := range uint64(4) {
		mac := hmac.New(sha256.New, s[:])
		mac.Write(binary.BigEndian.AppendUint64(nil, c))
		if got, want := words.Next(), binary.BigEndian.Uint64(mac.Sum(nil)); got != want {
			t.Errorf("word %d = %x, want %x", c, got, want)
		}
	}
	if words.Used() != 4 {
		t.Errorf("used = %d, want 4", words.Used())
	}
}

func TestUniformRejectionSampling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		n         uint64
		words     []uint64
		want      uint64
		wantWords int
	}{
		{"n=1 accepts every word", 1, []uint64{math.MaxUint64}, 0, 1},
		{"power of two accepts every word", 8, []uint64{math.MaxUint64}, 7, 1},
		{"n=3 skips 2^64-1", 3, []uint64{math.MaxUint64, 5}, 2, 2},
		{"n=10 skips limit itself", 10, []uint64{math.MaxUint64 - 5, 42}, 2, 2},
		{"n=10 accepts limit-1", 10, []uint64{math.MaxUint64 - 6}, 9, 1},
		{"n=2^63+1 skips from limit up", 1<<63 + 1, []uint64{1<<63 + 1, math.MaxUint64, 1 << 63}, 1 << 63, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := &scriptedWords{words: tt.words}
			if got := uniform(src, tt.n); got != tt.want || src.used != tt.wantWords {
				t.Errorf("uniform(%d) = %d using %d words, want %d using %d", tt.n, got, src.used, tt.want, tt.wantWords)
			}
		})
	}
}

func TestPickWinnersSkipsRejectedWord(t *testing.T) {
	t.Parallel()
	tickets := vectorTickets()[:3] // weights 1, 1, 2: total 4 is a power of two
	tickets = append(tickets, Ticket{Num: 4, Participant: "0000000000000000", Weight: 1})
	// Total weight 5: limit = 2^64 − 1, so MaxUint64 is skipped; 3 mod 5 = 3 picks ticket 3.
	// Then tickets 1, 2, 4 remain (total 3): 4 mod 3 = 1 picks ticket 2.
	src := &scriptedWords{words: []uint64{math.MaxUint64, 3, 4}}
	got := pickWinners(src, tickets, 2)
	if !slices.Equal(ticketNums(got), []int64{3, 2}) || src.used != 3 {
		t.Errorf("winners %v using %d words, want [3 2] using 3", ticketNums(got), src.used)
	}
}

// walkWinners is the literal §7 walk, the reference for the weight tree.
func walkWinners(src WordSource, tickets []Ticket, k int) []Winner {
	remaining := slices.Clone(tickets)
	var winners []Winner
	for tier := 1; tier <= k; tier++ {
		var total, cum uint64
		for _, tk := range remaining {
			total += uint64(tk.Weight)
		}
		x := uniform(src, total)
		for i, tk := range remaining {
			if cum += uint64(tk.Weight); x < cum {
				winners = append(winners, Winner{Tier: tier, TicketNum: tk.Num, Participant: tk.Participant})
				remaining = slices.Delete(remaining, i, i+1)
				break
			}
		}
	}
	return winners
}

func TestWeightTreeMatchesLiteralWalk(t *testing.T) {
	t.Parallel()
	for n := 1; n <= 40; n++ {
		tickets := make([]Ticket, n)
		for i := range tickets {
			tickets[i] = Ticket{Num: int64(i + 1), Participant: "00000000000000aa", Weight: int64(i*7%5 + 1)}
		}
		s := DrawSeed(seedFor(n), vectorPoolID, TicketsHash(tickets), uint64(n), nil)
		got := pickWinners(NewWords(s), tickets, n)
		if want := walkWinners(NewWords(s), tickets, n); !slices.Equal(got, want) {
			t.Fatalf("n=%d: tree %v, walk %v", n, ticketNums(got), ticketNums(want))
		}
	}
}
