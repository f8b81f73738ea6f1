package realtime

import (
	"fmt"
	"sync"

	"tickup.dev/services/api/internal/problem"
)

// streamCaps counts the open streams of each caller and client IP, so that one account or
// one address cannot hold an unbounded share of the replica's connections.
type streamCaps struct {
	perUser, perIP int // 0: no cap
	mu             sync.Mutex
	users, ips     map[string]int
}

// newStreamCaps returns caps of perUser streams per caller and perIP per client IP.
func newStreamCaps(perUser, perIP int) *streamCaps {
	return &streamCaps{perUser: perUser, perIP: perIP, users: map[string]int{}, ips: map[string]int{}}
}

// acquire counts one more stream of user (empty for an anonymous client) from ip, or
// returns a 429 problem when either is at its cap. release undoes it, once.
func (c *streamCaps) acquire(user, ip string) (release func(), err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if user != "" && c.perUser > 0 && c.users[user] >= c.perUser {
		return nil, tooManyStreams(fmt.Sprintf("You have %d event streams open, the most allowed; close one first.", c.perUser))
	}
	if c.perIP > 0 && c.ips[ip] >= c.perIP {
		return nil, tooManyStreams(fmt.Sprintf("Your address has %d event streams open, the most allowed; close one first.", c.perIP))
	}
	if user != "" {
		c.users[user]++
	}
	c.ips[ip]++
	var once sync.Once
	return func() { once.Do(func() { c.release(user, ip) }) }, nil
}

// release forgets one stream of user from ip.
func (c *streamCaps) release(user, ip string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if user != "" {
		if c.users[user]--; c.users[user] <= 0 {
			delete(c.users, user)
		}
	}
	if c.ips[ip]--; c.ips[ip] <= 0 {
		delete(c.ips, ip)
	}
}

// tooManyStreams is the 429 answer to a stream over a cap.
func tooManyStreams(detail string) error {
	return &problem.Error{Kind: problem.KindRateLimited, Code: problem.SlugRateLimited, Detail: detail}
}
