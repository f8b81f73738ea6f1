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
	if got := hex.EncodeToString(e[:]); got != vectorE {
		t.Errorf("E = %s", got)
	}
}

func TestDrawVectors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        Input
		wantE     string
		wantS     string
		wantWords uint64 // 0: not pinned by the vectors
		want      []int64
	}{
		{"k=3 no beacon", vectorInput(3, nil), vectorE, "5178f490ec58eb1cf75f71a7af3f4dc1782265f9be84eb3851d52018b7a4efa1", 3, []int64{10, 3, 2}},
		{"k=1 beacon 0xfc", vectorInput(1, fcBeacon()), vectorE, "ba343c0a7f968883e501bcf791b33eb4f00151f75b35da5806328841a0cd4c30", 0, []int64{7}},
		{"k=3 no beacon ticket 4 voided", withoutTicket(vectorInput(3, nil), 4), "bf4654cd20596dd959a8f2a8e025079f0ff82dd9cd0e6c4bad56fda16ffd309c",
			"705c3ba0cf667e19d7c9c2cee04cc262a6be15968713ab922871a598a742eabb", 3, []int64{7, 9, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := Draw(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := hex.EncodeToString(res.TicketsHash[:]); got != tt.wantE {
				t.Errorf("E = %s, want %s", got, tt.wantE)
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
				if w.Tier != i+1 || w.Participant != Participant(vectorPoolID, vectorUser(int(w.TicketNum-1)%4+1)) {
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
