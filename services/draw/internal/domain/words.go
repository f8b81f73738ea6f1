package domain

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
)

// WordSource yields 64-bit random words; Words is the real one, tests feed
// crafted streams.
type WordSource interface {
	Next() uint64
}

// Words is the deterministic word stream of a draw: word c is the first 8
// bytes, big-endian, of HMAC-SHA256(key = S, msg = u64be(c)), c = 0, 1, 2, …
type Words struct {
	mac  hash.Hash
	used uint64
	buf  []byte
}

// NewWords starts the word stream for draw seed s at c = 0.
func NewWords(s [32]byte) *Words {
	return &Words{mac: hmac.New(sha256.New, s[:]), buf: make([]byte, 0, sha256.Size)}
}

// Next returns the next word and counts it as used.
func (w *Words) Next() uint64 {
	w.mac.Reset()
	w.mac.Write(binary.BigEndian.AppendUint64(w.buf[:0], w.used))
	w.used++
	return binary.BigEndian.Uint64(w.mac.Sum(w.buf[:0]))
}

// Used returns how many words Next has returned.
func (w *Words) Used() uint64 {
	return w.used
}

// uniform returns a uniformly distributed value in [0, n), n ≥ 1, by
// rejection sampling: words ≥ limit = 2^64 − (2^64 mod n) are skipped so that
// w mod n has no bias.
func uniform(src WordSource, n uint64) uint64 {
	rem := (math.MaxUint64%n + 1) % n // 2^64 mod n
	for {
		w := src.Next()
		if rem == 0 || w < -rem { // -rem wraps to 2^64 − rem
			return w % n
		}
	}
}
