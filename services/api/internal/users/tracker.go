package users

import (
	"log/slog"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
)

// Defaults of a Tracker.
const (
	DefaultTouchEvery = 5 * time.Minute
	maxTracked        = 100_000
)

// Tracker records callers in app_user without a write per request: a caller is written
// when this replica has not seen them, when their role or e-mail changed, or once per
// interval (last_seen_at is therefore accurate to that interval).
type Tracker struct {
	store *Store
	log   *slog.Logger
	every time.Duration
	now   func() time.Time
	mu    sync.Mutex
	seen  map[string]seen
}

// seen is what was last written for a caller.
type seen struct {
	at    time.Time
	email string
	role  auth.Role
}

// NewTracker returns a tracker writing at most once per every (default 5 minutes).
func NewTracker(store *Store, log *slog.Logger, every time.Duration) *Tracker {
	if every <= 0 {
		every = DefaultTouchEvery
	}
	return &Tracker{store: store, log: log, every: every, now: time.Now, seen: map[string]seen{}}
}

// Middleware records the authenticated caller (services are not users) and never fails
// the request: the bookkeeping is retried on the caller's next request.
func (t *Tracker) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := auth.FromContext(c)
		if ok && id.Role != auth.RoleService && t.due(id) {
			if err := t.store.Touch(c.Request.Context(), id); err != nil {
				t.forget(id.UserID)
				t.log.WarnContext(c.Request.Context(), "record caller", "err", err)
			}
		}
		c.Next()
	}
}

// due reports whether id must be written now and, if so, marks it written so that
// concurrent requests of the same caller do not all write.
func (t *Tracker) due(id auth.Identity) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	last, ok := t.seen[id.UserID]
	if ok && now.Sub(last.at) < t.every && last.role == id.Role && (id.Email == "" || last.email == id.Email) {
		return false
	}
	if len(t.seen) >= maxTracked {
		clear(t.seen) // forgetting only costs one more write per caller
	}
	t.seen[id.UserID] = seen{at: now, email: id.Email, role: id.Role}
	return true
}

// forget makes the next request of userID write again.
func (t *Tracker) forget(userID string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.seen, userID)
}
