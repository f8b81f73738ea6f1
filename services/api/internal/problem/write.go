package problem

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// retryAfterSeconds is what a 503 tells the client to wait before trying again.
const retryAfterSeconds = "2"

// Write answers the request with p as application/problem+json and aborts the handler
// chain. The request id and the request path fill RequestID and Instance when empty. A 503
// says when to try again (Retry-After) unless the handler already did.
func Write(c *gin.Context, p Problem) {
	if p.RequestID == "" {
		p.RequestID = RequestIDFrom(c.Request.Context())
	}
	if p.Instance == "" {
		p.Instance = c.Request.URL.Path
	}
	body, err := json.Marshal(p)
	if err != nil {
		// Only strings and ints are marshalled, so this cannot happen; answer plainly anyway.
		body = []byte(`{"type":"` + TypeURI(SlugInternal) + `","title":"Internal server error","status":500}`)
		p.Status = 500
	}
	c.Abort()
	if p.Status == http.StatusServiceUnavailable && c.Writer.Header().Get("Retry-After") == "" {
		c.Header("Retry-After", retryAfterSeconds)
	}
	c.Header("Content-Type", ContentType)
	c.Data(p.Status, ContentType, body)
}
