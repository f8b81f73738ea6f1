// Package beacon reads public randomness from drand's quicknet chain over HTTP and
// verifies every round's BLS signature against the chain's public key before it is used.
package beacon

import (
	"encoding/hex"
	"time"
)

// Chain describes a drand chain in the bls-unchained-g1-rfc9380 scheme: signatures on G1,
// the group public key on G2, message = SHA-256(u64be(round)).
type Chain struct {
	Hash      string        // chain hash, the path segment of the HTTP API
	Genesis   time.Time     // time of round 1
	Period    time.Duration // time between rounds
	PublicKey []byte        // compressed G2 point, 96 bytes
}

// quicknetKey is the quicknet group public key (compressed G2).
const quicknetKey = "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c" +
	"8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb" +
	"5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a"

// Quicknet is drand's League of Entropy quicknet chain (a round every 3 s).
func Quicknet() Chain {
	key, err := hex.DecodeString(quicknetKey)
	if err != nil {
		panic(err) // a constant
	}
	return Chain{
		Hash:      "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
		Genesis:   time.Unix(1692803367, 0).UTC(),
		Period:    3 * time.Second,
		PublicKey: key,
	}
}

// RoundAt returns the first round published at or after t (round 1 before genesis).
func (c Chain) RoundAt(t time.Time) uint64 {
	if !t.After(c.Genesis) {
		return 1
	}
	elapsed := t.Sub(c.Genesis)
	n := uint64(elapsed / c.Period)
	if elapsed%c.Period != 0 {
		n++
	}
	return n + 1
}

// TimeOf returns when round is published.
func (c Chain) TimeOf(round uint64) time.Time {
	if round == 0 {
		return c.Genesis
	}
	return c.Genesis.Add(time.Duration(round-1) * c.Period)
}
