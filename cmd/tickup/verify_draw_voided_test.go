package main

import (
	"strings"
	"testing"
)

// voidedVectorProof is the voided-ticket vector of docs/fairness.md written out from the
// published values: the vector pool after ticket 4 was voided, k = 3, no beacon.
func voidedVectorProof(t *testing.T) string {
	t.Helper()
	doc := vectorProof()
	for _, r := range [][2]string{
		{`{"ticket_num":4,"participant":"98737208ec5ba3d3","weight":1},`, ``},
		{`"tickets_hash":"65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303"`,
			`"tickets_hash":"bf4654cd20596dd959a8f2a8e025079f0ff82dd9cd0e6c4bad56fda16ffd309c"`},
		{`"n":10`, `"n":9`},
		{`"winners":[` + strings.SplitN(doc, `"winners":[`, 2)[1], `"winners":[` +
			`{"tier":1,"ticket_num":7,"participant":"560f50ee6e00ebd7"},` +
			`{"tier":2,"ticket_num":9,"participant":"e7d7cd6918077615"},` +
			`{"tier":3,"ticket_num":8,"participant":"98737208ec5ba3d3"}]}`},
	} {
		if !strings.Contains(doc, r[0]) {
			t.Fatalf("the vector proof lacks %q", r[0])
		}
		doc = strings.Replace(doc, r[0], r[1], 1)
	}
	return doc
}

// TestVerifyDrawAcceptsAGapLeftByAVoidedTicket: ticket numbers may skip a voided ticket,
// but must strictly increase.
func TestVerifyDrawAcceptsAGapLeftByAVoidedTicket(t *testing.T) {
	t.Parallel()
	doc := voidedVectorProof(t)
	out, code := runVerify(t, "--file", writeProof(t, doc))
	if code != 0 || !strings.HasPrefix(out, "VALID\n") || !strings.Contains(out, "9 tickets, 3 winners") ||
		!strings.Contains(out, "tier 1: ticket 7") {
		t.Fatalf("exit %d:\n%s\nwant VALID with 9 tickets, ticket 7 first", code, out)
	}
	repeated := strings.Replace(doc, `"ticket_num":5,`, `"ticket_num":3,`, 1)
	out, code = runVerify(t, "--file", writeProof(t, repeated))
	if code != 1 || !strings.Contains(out, "tickets[3].ticket_num: is 3 after 3") {
		t.Fatalf("a repeated number: exit %d:\n%s\nwant INVALID naming tickets[3].ticket_num", code, out)
	}
}
