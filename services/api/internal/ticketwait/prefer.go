package ticketwait

import (
	"strconv"
	"strings"
	"time"
)

// DefaultWait is how long POST /tickets waits for a ticket when the client does not say.
const DefaultWait = 2 * time.Second

// MaxWait caps what a client may ask for with Prefer: wait=N.
const MaxWait = 10 * time.Second

// Budget reads the RFC 7240 Prefer header's wait preference ("wait=5", seconds): how long
// the request may wait. Absent or unreadable: DefaultWait; capped at MaxWait; wait=0 means
// answer at once.
func Budget(prefer string) time.Duration {
	for _, part := range strings.Split(prefer, ",") {
		for _, pref := range strings.Split(part, ";") {
			name, value, ok := strings.Cut(strings.TrimSpace(pref), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(name), "wait") {
				continue
			}
			n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(value), `"`))
			if err != nil || n < 0 {
				return DefaultWait
			}
			return min(time.Duration(n)*time.Second, MaxWait)
		}
	}
	return DefaultWait
}
