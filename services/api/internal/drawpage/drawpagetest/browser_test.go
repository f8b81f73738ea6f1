package drawpagetest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMissingChromiumSkipsOutsideCIAndFailsInCI covers the decision Start takes.
func TestMissingChromiumSkipsOutsideCIAndFailsInCI(t *testing.T) {
	t.Parallel()
	present, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "chromium")
	tests := []struct {
		name       string
		path       string
		ci         bool
		wantReason bool
		wantFail   bool
	}{
		{"present, outside CI", present, false, false, false},
		{"present, in CI", present, true, false, false},
		{"missing, outside CI: skipped with the reason", missing, false, true, false},
		{"missing, in CI: failed", missing, true, true, true},
	}
	for _, tc := range tests {
		reason, fail := unavailable(tc.path, tc.ci)
		if (reason != "") != tc.wantReason || fail != tc.wantFail {
			t.Errorf("%s: reason %q, fail %v", tc.name, reason, fail)
		}
	}
}
