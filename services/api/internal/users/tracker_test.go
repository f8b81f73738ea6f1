package users

import (
	"log/slog"
	"testing"
	"time"

	"tickup.dev/services/api/internal/auth"
)

func TestTrackerWritesOncePerInterval(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	tr := NewTracker(nil, slog.New(slog.DiscardHandler), time.Minute)
	tr.now = func() time.Time { return now }
	ann := auth.Identity{UserID: "a", Email: "ann@example.com", Role: auth.RoleUser}
	steps := []struct {
		name    string
		advance time.Duration
		id      auth.Identity
		due     bool
	}{
		{"first sight", 0, ann, true},
		{"again at once", time.Second, ann, false},
		{"token without e-mail", time.Second, auth.Identity{UserID: "a", Role: auth.RoleUser}, false},
		{"promoted", time.Second, auth.Identity{UserID: "a", Email: ann.Email, Role: auth.RoleAdmin}, true},
		{"interval passed", time.Minute, auth.Identity{UserID: "a", Email: ann.Email, Role: auth.RoleAdmin}, true},
		{"another user", 0, auth.Identity{UserID: "b", Role: auth.RoleUser}, true},
	}
	for _, s := range steps {
		now = now.Add(s.advance)
		if got := tr.due(s.id); got != s.due {
			t.Errorf("%s: due = %v, want %v", s.name, got, s.due)
		}
	}
	tr.forget("b")
	if !tr.due(auth.Identity{UserID: "b", Role: auth.RoleUser}) {
		t.Error("a forgotten user is not written again")
	}
}
