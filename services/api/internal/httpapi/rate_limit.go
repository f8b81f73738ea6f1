package httpapi

import (
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/ratelimit"
)

// What a limiter counts, for its 429 message.
const (
	Writes = "write"
	Reads  = "read"
)

// LimitByIP returns middleware that takes a token from the client IP's bucket, or nil when
// l is nil (no limit). what (Writes or Reads) names the requests in the 429 answer.
func LimitByIP(l *ratelimit.Limiter, what string) gin.HandlerFunc {
	return limit(l, what, func(c *gin.Context) (string, bool) { return c.ClientIP(), true })
}

// LimitByUser returns middleware that takes a token from the caller's bucket; anonymous
// requests pass. Nil when l is nil (no limit).
func LimitByUser(l *ratelimit.Limiter, what string) gin.HandlerFunc {
	return limit(l, what, func(c *gin.Context) (string, bool) {
		id, ok := auth.FromContext(c)
		return id.Key(), ok
	})
}

// limit answers 429 with Retry-After once key's bucket is empty.
func limit(l *ratelimit.Limiter, what string, key func(*gin.Context) (string, bool)) gin.HandlerFunc {
	if l == nil {
		return nil
	}
	return func(c *gin.Context) {
		k, ok := key(c)
		if !ok {
			c.Next()
			return
		}
		if allowed, wait := l.Allow(k); !allowed {
			secs := int(math.Ceil(wait.Seconds()))
			c.Header("Retry-After", strconv.Itoa(secs))
			problem.Write(c, problem.New(http.StatusTooManyRequests, problem.SlugRateLimited,
				fmt.Sprintf("Too many %s requests; retry in %d s.", what, secs)))
			return
		}
		c.Next()
	}
}
