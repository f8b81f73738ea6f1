package drawproof_test

import (
	"encoding/json"
	"slices"
	"testing"

	"tickup.dev/services/draw/internal/domain"
)

// gappedDoc is the vectors' 3-winner proof drawn without ticket 4, as for a pool one of
// whose tickets a card refund voided: the tickets listed are 1, 2, 3, 5, …, 10.
func gappedDoc(t *testing.T) map[string]any {
	t.Helper()
	in := vectorInput(3, nil)
	in.Terms = &domain.Terms{WinnersCount: 3}
	in.Tickets = slices.DeleteFunc(in.Tickets, func(tk domain.Ticket) bool { return tk.Num == 4 })
	res, err := domain.Draw(in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(domain.NewProof(in, res))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestProofWithAGapInNumberingVerifiesOffline(t *testing.T) {
	t.Parallel()
	doc := gappedDoc(t)
	if found := verify(t, doc); len(found) != 0 {
		t.Fatalf("the proof without ticket 4: %q", found)
	}
	if doc["n"] != float64(9) {
		t.Fatalf("n = %v, want the 9 tickets listed", doc["n"])
	}
}

func TestProofWithARepeatedOrDecreasingNumberFailsOffline(t *testing.T) {
	t.Parallel()
	for _, num := range []float64{3, 2} { // index 3 holds ticket 5, after ticket 3
		doc := gappedDoc(t)
		doc["tickets"].([]any)[3].(map[string]any)["ticket_num"] = num
		wantMismatch(t, verify(t, doc), "tickets[3].ticket_num: ")
	}
}
