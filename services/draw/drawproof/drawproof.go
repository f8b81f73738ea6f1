// Package drawproof is the public face of tickup-draw-v1 for code outside the draw service
// (the tickup verify-draw command): the proof document of docs/fairness.md and its offline check.
package drawproof

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"tickup.dev/services/draw/internal/domain"
)

// Algorithm is the name of the draw algorithm a proof must name.
const Algorithm = domain.Algorithm

// Proof is the published proof of one draw.
type Proof = domain.Proof

// Mismatch is one thing a proof claims that its recomputation contradicts.
type Mismatch = domain.Mismatch

// Parse decodes a proof document. Fields the algorithm does not use (such as a gateway's
// marks on the caller's own tickets) are ignored; a missing field fails verification.
func Parse(data []byte) (Proof, error) {
	var p Proof
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return Proof{}, fmt.Errorf("parse proof: %w", err)
	}
	if dec.More() {
		return Proof{}, errors.New("parse proof: more than one JSON document")
	}
	return p, nil
}

// Verify recomputes the commitment, the tickets hash, n, S, the words used and the winners
// from the proof alone. An empty result means the proof is valid.
func Verify(p Proof) []Mismatch { return domain.Verify(p) }

// Hash returns the hex SHA-256 of a proof document, the proof_hash of draw.completed.
func Hash(document []byte) string {
	sum := sha256.Sum256(document)
	return hex.EncodeToString(sum[:])
}
