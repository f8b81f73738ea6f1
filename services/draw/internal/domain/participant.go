package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// participantLen is the number of hex characters in a participant id.
const participantLen = 16

// Participant returns the public id of a user in a pool: the first 16 hex
// characters of SHA-256("{pool_id}:{user_id}"). Both ids are UUIDs and are
// lowercased first so that every implementation hashes the canonical text.
func Participant(poolID, userID string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(poolID) + ":" + strings.ToLower(userID)))
	return hex.EncodeToString(sum[:])[:participantLen]
}

// isLowerHex reports whether s is exactly n lowercase hex characters.
func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// isCanonicalUUID reports whether s is a UUID in canonical lowercase text
// (8-4-4-4-12 hex digits).
func isCanonicalUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if !isLowerHex(part, []int{8, 4, 4, 4, 12}[i]) {
			return false
		}
	}
	return true
}
