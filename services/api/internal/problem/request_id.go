package problem

import (
	"context"
	"crypto/rand"

	"github.com/gin-gonic/gin"
)

// HeaderRequestID carries the request id in both directions.
const HeaderRequestID = "X-Request-Id"

// maxRequestIDLen bounds an incoming id so that it cannot bloat logs.
const maxRequestIDLen = 128

// requestIDKey keys the request id in a context.Context.
type requestIDKey struct{}

// RequestID returns middleware that adopts a sane incoming X-Request-Id (up to 128 of
// A-Z a-z 0-9 . _ : -) or generates one, echoes it in the response, and puts it in the
// request's context for RequestIDFrom.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(HeaderRequestID)
		if !saneRequestID(id) {
			id = rand.Text()
		}
		c.Header(HeaderRequestID, id)
		c.Request = c.Request.WithContext(WithRequestID(c.Request.Context(), id))
		c.Next()
	}
}

// WithRequestID returns a copy of ctx carrying the request id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestIDFrom returns the request id carried by ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// saneRequestID reports whether a client-supplied id is safe to log and echo.
func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '.' || r == '_' || r == ':' || r == '-'
		if !ok {
			return false
		}
	}
	return true
}
