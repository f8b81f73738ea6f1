package domain

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
)

// Algorithm is the pinned name of the draw algorithm this package implements.
const Algorithm = "tickup-draw-v1"

// DrawSeed returns S = HMAC-SHA256(key = seed, msg = "tickup-draw-v1" ‖ 0x00 ‖
// pool_id ‖ 0x00 ‖ E ‖ u64be(n) ‖ beacon). beacon is empty when no drand
// round is used, otherwise the round's 32-byte randomness.
func DrawSeed(seed []byte, poolID string, e [32]byte, n uint64, beacon []byte) [32]byte {
	mac := hmac.New(sha256.New, seed)
	mac.Write([]byte(Algorithm))
	mac.Write([]byte{0})
	mac.Write([]byte(poolID))
	mac.Write([]byte{0})
	mac.Write(e[:])
	mac.Write(binary.BigEndian.AppendUint64(nil, n))
	mac.Write(beacon)
	var s [32]byte
	mac.Sum(s[:0])
	return s
}
