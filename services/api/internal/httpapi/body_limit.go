package httpapi

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/problem"
)

// LimitBody returns middleware that refuses a request whose declared length exceeds max
// bytes with a 413 problem, and caps the body of the others at max so that a reader
// (problem.DecodeJSON, the idempotency hash) sees *http.MaxBytesError past it.
func LimitBody(max int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > max {
			problem.Write(c, problem.New(http.StatusRequestEntityTooLarge, problem.SlugBodyTooLarge,
				fmt.Sprintf("The request body exceeds %d bytes.", max)))
			return
		}
		if c.Request.Body != nil && c.Request.Body != http.NoBody {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		}
		c.Next()
	}
}
