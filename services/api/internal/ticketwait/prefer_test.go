package ticketwait

import (
	"testing"
	"time"
)

func TestBudgetReadsThePreferHeader(t *testing.T) {
	for prefer, want := range map[string]time.Duration{
		"":                       DefaultWait,
		"wait=5":                 5 * time.Second,
		"respond-async, wait=0":  0,
		"return=minimal; wait=3": 3 * time.Second,
		`Wait="7"`:               7 * time.Second,
		"wait=600":               MaxWait,
		"wait=soon":              DefaultWait,
		"handling=lenient":       DefaultWait,
	} {
		if got := Budget(prefer); got != want {
			t.Errorf("Budget(%q) = %s, want %s", prefer, got, want)
		}
	}
}
