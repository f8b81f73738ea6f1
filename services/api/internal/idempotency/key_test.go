package idempotency

import (
	"strings"
	"testing"
)

func TestValidKey(t *testing.T) {
	t.Parallel()
	for key, want := range map[string]bool{
		"a": true, "order-2026-01-01:7f3a": true, strings.Repeat("k", MaxKeyLength): true,
		strings.Repeat("k", MaxKeyLength+1): false, "has space": false, "tab\t": false, "é": false,
	} {
		if got := validKey(key); got != want {
			t.Errorf("validKey(%q) = %v, want %v", key, got, want)
		}
	}
}
