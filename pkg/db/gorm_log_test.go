package db

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestQueryLogRendersOnlyWhatItLogs(t *testing.T) {
	tests := []struct {
		name     string
		took     time.Duration
		err      error
		rendered bool
		want     string
	}{
		{"fast and fine", time.Millisecond, nil, false, ""},
		{"failed", time.Millisecond, errors.New("duplicate key"), true, "sql failed"},
		{"slow", 2 * slowQuery, nil, true, "slow sql"},
		{"cancelled", time.Millisecond, context.Canceled, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			q := gormLogger(slog.New(slog.NewTextHandler(&out, nil)))
			rendered := false
			q.Trace(context.Background(), time.Now().Add(-tc.took), func() (string, int64) {
				rendered = true
				return "SELECT 1", 1
			}, tc.err)
			logged := out.Len() > 0
			if rendered != tc.rendered || logged != (tc.want != "") || !strings.Contains(out.String(), tc.want) {
				t.Fatalf("rendered=%v log=%q, want rendered=%v and %q", rendered, out.String(), tc.rendered, tc.want)
			}
		})
	}
}
