package domain

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
)

// Mismatch is one way a proof disagrees with its own recomputation.
type Mismatch struct {
	Field  string
	Detail string
}

// String renders the mismatch as "field: detail".
func (m Mismatch) String() string {
	return m.Field + ": " + m.Detail
}

// mismatches collects findings while a proof is checked.
type mismatches []Mismatch

func (m *mismatches) add(field, format string, args ...any) {
	*m = append(*m, Mismatch{Field: field, Detail: fmt.Sprintf(format, args...)})
}

// Verify recomputes everything a proof claims from the proof alone: the
// commitment from the seed, E from the tickets, n, then S, the words used and
// the winners. It returns what does not match; empty means VALID. The drand
// round itself is not checked here, since that needs the network.
func Verify(p Proof) []Mismatch {
	var m mismatches
	if p.Algorithm != Algorithm {
		m.add("algorithm", "proof says %q, this verifier implements %q", p.Algorithm, Algorithm)
		return m
	}
	commitment := Commitment(p.Seed)
	m.compareHex("commitment", p.Commitment, commitment[:], "SHA-256(seed)")
	e := TicketsHash(p.Tickets)
	m.compareHex("tickets_hash", p.TicketsHash, e[:], "SHA-256 of the listed tickets")
	if p.N != uint64(len(p.Tickets)) {
		m.add("n", "proof says %d, the tickets list has %d", p.N, len(p.Tickets))
	}
	m.checkTerms(p)
	res, err := Draw(p.Input())
	if err != nil {
		m.addDrawError(err)
		return m
	}
	if p.WordsUsed != res.WordsUsed {
		m.add("words_used", "proof says %d, recomputed %d", p.WordsUsed, res.WordsUsed)
	}
	m.compareWinners(p.Winners, res.Winners)
	return m
}

// addDrawError reports why the proof's input cannot be drawn at all.
func (m *mismatches) addDrawError(err error) {
	var inErr *InputError
	if !errors.As(err, &inErr) {
		inErr = &InputError{Field: "input", Problem: err.Error()}
	}
	m.add(inErr.Field, "%s, so the winners cannot be recomputed", inErr.Problem)
}

func (m *mismatches) compareHex(field string, claimed, computed []byte, what string) {
	if !bytes.Equal(claimed, computed) {
		m.add(field, "proof says %s, %s is %s", showHex(claimed), what, hex.EncodeToString(computed))
	}
}

// compareWinners compares tier by tier, reporting tiers missing from either list.
func (m *mismatches) compareWinners(claimed, computed []Winner) {
	for i := range max(len(claimed), len(computed)) {
		if i >= len(claimed) || i >= len(computed) || claimed[i] != computed[i] {
			m.add(fmt.Sprintf("winners[%d]", i), "proof says %s, recomputed %s", describeAt(claimed, i), describeAt(computed, i))
		}
	}
}

func describeAt(ws []Winner, i int) string {
	if i >= len(ws) {
		return "no winner"
	}
	w := ws[i]
	return fmt.Sprintf("tier %d ticket %d (participant %s)", w.Tier, w.TicketNum, w.Participant)
}

// showHex renders claimed bytes, making a missing value visible.
func showHex(b []byte) string {
	if len(b) == 0 {
		return "(empty)"
	}
	return hex.EncodeToString(b)
}
