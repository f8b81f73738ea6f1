package bus

import (
	"crypto/rand"
	"encoding/hex"
)

// newTraceparent makes a W3C trace context header for a new, sampled trace:
// version 00, a random 16-byte trace id and 8-byte parent id (neither all zero).
func newTraceparent() string {
	var b [24]byte
	for {
		_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
		if !allZero(b[:16]) && !allZero(b[16:]) {
			break
		}
	}
	return "00-" + hex.EncodeToString(b[:16]) + "-" + hex.EncodeToString(b[16:]) + "-01"
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
