package domain

import (
	"encoding/hex"
	"slices"
	"testing"
)

func TestParticipantVectors(t *testing.T) {
	t.Parallel()
	want := []string{"e7d7cd6918077615", "53014a1bd3f31e58", "560f50ee6e00ebd7", "98737208ec5ba3d3"}
	tickets := vectorTickets()
	for i, w := range want {
		if got := tickets[i].Participant; got != w {
			t.Errorf("ticket %d participant = %s, want %s", i+1, got, w)
		}
	}
	if got := Participant("0190A7E2-0000-7000-8000-000000000001", "00000000-0000-4000-8000-00000000000A"); got != Participant(vectorPoolID, "00000000-0000-4000-8000-00000000000a") {
		t.Errorf("uppercase UUIDs give %s, want the canonical lowercase participant", got)
	}
}

func TestCommitmentAndTicketsHashVectors(t *testing.T) {
	t.Parallel()
	c := Commitment(vectorSeed())
	if got := hex.EncodeToString(c[:]); got != "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd" {
		t.Errorf("commitment = %s", got)
	}
	e := TicketsHash(vectorTickets())
	if got := hex.EncodeToString(e[:]); got != "65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303" {
		t.Errorf("E = %s", got)
	}
}

func TestDrawVectors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        Input
		wantS     string
		wantWords uint64 // 0: not pinned by the vectors
		want      []int64
	}{
		{"k=3 no beacon", vectorInput(3, nil), "5178f490ec58eb1cf75f71a7af3f4dc1782265f9be84eb3851d52018b7a4efa1", 3, []int64{10, 3, 2}},
		{"k=1 beacon 0xfc", vectorInput(1, fcBeacon()), "ba343c0a7f968883e501bcf791b33eb4f00151f75b35da5806328841a0cd4c30", 0, []int64{7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := Draw(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := hex.EncodeToString(res.S[:]); got != tt.wantS {
				t.Errorf("S = %s, want %s", got, tt.wantS)
			}
			if tt.wantWords != 0 && res.WordsUsed != tt.wantWords {
				t.Errorf("words used = %d, want %d", res.WordsUsed, tt.wantWords)
			}
			if got := ticketNums(res.Winners); !slices.Equal(got, tt.want) {
				t.Errorf("winners = %v, want %v", got, tt.want)
			}
			for i, w := range res.Winners {
				if w.Tier != i+1 || w.Participant != tt.in.Tickets[w.TicketNum-1].Participant {
					t.Errorf("winner %d = %+v: wrong tier or participant", i, w)
				}
			}
		})
	}
}

func TestDrawIsDeterministic(t *testing.T) {
	t.Parallel()
	first, err := Draw(vectorInput(5, fcBeacon()))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Draw(vectorInput(5, fcBeacon()))
	if first.S != again.S || !slices.Equal(first.Winners, again.Winners) {
		t.Errorf("same input gave %+v then %+v", first, again)
	}
}
