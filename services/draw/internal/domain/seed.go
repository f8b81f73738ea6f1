package domain

import (
	"crypto/sha256"
	"fmt"
	"io"
)

// SeedLen is the size in bytes of a pool's secret draw seed.
const SeedLen = 32

// NewSeed reads a fresh 32-byte seed from r (crypto/rand.Reader in
// production). The seed is made when the pool is created and kept secret
// until the draw.
func NewSeed(r io.Reader) ([]byte, error) {
	seed := make([]byte, SeedLen)
	if _, err := io.ReadFull(r, seed); err != nil {
		return nil, fmt.Errorf("read draw seed: %w", err)
	}
	return seed, nil
}

// Commitment returns SHA-256(seed), published on the pool before any sale
// so the seed cannot be changed afterwards.
func Commitment(seed []byte) [32]byte {
	return sha256.Sum256(seed)
}
