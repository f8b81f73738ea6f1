package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"tickup.dev/services/draw/internal/domain"
)

// checker collects mismatches as "field: detail" lines.
type checker struct {
	found []string
}

func (c *checker) add(field, format string, args ...any) {
	c.found = append(c.found, field+": "+fmt.Sprintf(format, args...))
}

// bytes reports field when claimed differs from want, naming where each comes from.
func (c *checker) bytes(field, claimedBy string, claimed []byte, wantBy string, want []byte) {
	if !bytes.Equal(claimed, want) {
		c.add(field, "%s %s, %s %s", claimedBy, hexOr(claimed), wantBy, hexOr(want))
	}
}

func hexOr(b []byte) string {
	if len(b) == 0 {
		return "(empty)"
	}
	return hex.EncodeToString(b)
}

// proof checks the stored document against its hash and verifies it on its own; it
// returns the parsed proof, or nil when it cannot be read.
func (c *checker) proof(st StoredDraw) *domain.Proof {
	sum := sha256.Sum256(st.Proof)
	if hex.EncodeToString(sum[:]) != st.ProofHash {
		c.add("proof_hash", "stored %s, SHA-256 of the stored proof is %x", st.ProofHash, sum)
	}
	var p domain.Proof
	if err := json.Unmarshal(st.Proof, &p); err != nil {
		c.add("proof", "cannot be read: %v", err)
		return nil
	}
	for _, m := range domain.Verify(p) {
		c.add("proof."+m.Field, "%s", m.Detail)
	}
	return &p
}

// storedTickets checks each stored participant against its stored user id.
func (c *checker) storedTickets(st StoredDraw) {
	for i, t := range st.Tickets {
		if want := domain.Participant(st.PoolID.String(), t.UserID); t.Participant != want {
			c.add(fmt.Sprintf("stored tickets[%d].participant", i), "is %s, user %s has %s", t.Participant, t.UserID, want)
		}
	}
}

// storedColumns checks the stored results against the recomputation.
func (c *checker) storedColumns(st StoredDraw, res domain.Result) {
	commitment := domain.Commitment(st.Seed)
	c.bytes("stored commitment", "stored", st.Commitment, "SHA-256 of the stored seed is", commitment[:])
	c.bytes("stored tickets_hash", "stored", st.TicketsHash, "the stored tickets hash to", res.TicketsHash[:])
	c.bytes("stored s", "stored", st.S, "the stored seed and tickets give", res.S[:])
	if st.N != int64(len(st.Tickets)) {
		c.add("stored n", "%d, %d tickets are stored", st.N, len(st.Tickets))
	}
	if st.WordsUsed != res.WordsUsed {
		c.add("stored words_used", "%d, recomputed %d", st.WordsUsed, res.WordsUsed)
	}
}

// storedWinners checks the stored winners, tier by tier, against the recomputation.
func (c *checker) storedWinners(st StoredDraw, res domain.Result) {
	if len(st.Winners) != len(res.Winners) {
		c.add("stored winners", "%d stored, %d drawn", len(st.Winners), len(res.Winners))
		return
	}
	for i, w := range st.Winners {
		want := res.Winners[i]
		t, _ := ticketNumbered(st.Tickets, want.TicketNum) // recomputed from st.Tickets: always found
		if w.Tier != want.Tier || w.Num != want.TicketNum || w.TicketID != t.TicketID || w.UserID != t.UserID || w.Participant != want.Participant {
			c.add(fmt.Sprintf("stored winners[%d]", i), "tier %d ticket %d (%s), recomputed tier %d ticket %d (%s)",
				w.Tier, w.Num, w.TicketID, want.Tier, want.TicketNum, t.TicketID)
		}
	}
}

// proofAgrees checks that the published proof shows what was stored and recomputed.
func (c *checker) proofAgrees(p domain.Proof, in domain.Input, res domain.Result) {
	if p.PoolID != in.PoolID {
		c.add("pool_id", "proof says %s, the draw is of pool %s", p.PoolID, in.PoolID)
	}
	c.bytes("seed", "proof says", p.Seed, "the stored seed is", in.Seed)
	c.bytes("tickets_hash", "proof says", p.TicketsHash, "the stored tickets hash to", res.TicketsHash[:])
	if i := firstTicketDiff(p.Tickets, in.Tickets); i >= 0 {
		c.add(fmt.Sprintf("tickets[%d]", i), "proof says %s, stored %s", ticketAt(p.Tickets, i), ticketAt(in.Tickets, i))
	}
	if !slices.Equal(p.Winners, res.Winners) {
		c.add("winners", "proof says %s, the stored draw gives %s", describeWinners(p.Winners), describeWinners(res.Winners))
	}
	if !sameBeacon(p.Beacon, in.Beacon) {
		c.add("beacon", "proof says %s, stored %s", describeProofBeacon(p.Beacon), describeBeacon(in.Beacon))
	}
}

func describeWinners(ws []domain.Winner) string {
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		parts = append(parts, fmt.Sprintf("tier %d ticket %d (participant %s)", w.Tier, w.TicketNum, w.Participant))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func firstTicketDiff(a, b []domain.Ticket) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	return -1
}

func ticketAt(ts []domain.Ticket, i int) string {
	if i >= len(ts) {
		return "(none)"
	}
	return fmt.Sprintf("%d:%s:%d", ts[i].Num, ts[i].Participant, ts[i].Weight)
}

func sameBeacon(p *domain.ProofBeacon, b *domain.Beacon) bool {
	if p == nil || b == nil {
		return p == nil && b == nil
	}
	return p.Round == b.Round && bytes.Equal(p.Randomness, b.Randomness)
}

func describeProofBeacon(p *domain.ProofBeacon) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("round %d randomness %x", p.Round, []byte(p.Randomness))
}

func describeBeacon(b *domain.Beacon) string {
	if b == nil {
		return "none"
	}
	return fmt.Sprintf("round %d randomness %x", b.Round, b.Randomness)
}
