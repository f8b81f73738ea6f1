package draws

import "testing"

// TestParticipantMatchesTheTestVectors checks the gateway's participant ids against the
// independent implementation's vectors of docs/fairness.md.
func TestParticipantMatchesTheTestVectors(t *testing.T) {
	t.Parallel()
	const pool = "0190a7e2-0000-7000-8000-000000000001"
	want := map[string]string{
		"00000000-0000-4000-8000-000000000001": "e7d7cd6918077615",
		"00000000-0000-4000-8000-000000000002": "53014a1bd3f31e58",
		"00000000-0000-4000-8000-000000000003": "560f50ee6e00ebd7",
		"00000000-0000-4000-8000-000000000004": "98737208ec5ba3d3",
	}
	for user, participant := range want {
		if got := Participant(pool, user); got != participant {
			t.Errorf("Participant(%s) = %s, want %s", user, got, participant)
		}
	}
}

// TestMarkMineFlagsOnlyTheCallersTicketsAndWins covers the marking of a proof.
func TestMarkMineFlagsOnlyTheCallersTicketsAndWins(t *testing.T) {
	t.Parallel()
	p := DrawProof{
		Tickets: []ProofTicket{{TicketNum: 1, Participant: "aa"}, {TicketNum: 2, Participant: "bb"}, {TicketNum: 3, Participant: "aa"}},
		Winners: []ProofWinner{{Tier: 1, TicketNum: 2, Participant: "bb"}, {Tier: 2, TicketNum: 3, Participant: "aa"}},
	}
	if p.markMine("cc") {
		t.Fatal("a participant without tickets marked something")
	}
	if !p.markMine("aa") {
		t.Fatal("a participant's tickets were not found")
	}
	got := []bool{p.Tickets[0].Mine, p.Tickets[1].Mine, p.Tickets[2].Mine, p.Winners[0].Mine, p.Winners[1].Mine}
	want := []bool{true, false, true, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("marks %v, want %v", got, want)
		}
	}
}
