package problem

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

// Recovery returns middleware that turns a panic into a 500 problem carrying the request
// id; the panic value and stack go to log, never to the client. Install it after
// RequestID so that the id is known.
func Recovery(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if err, ok := rec.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(rec) // net/http's deliberate abort: let the server drop the connection
			}
			ctx := c.Request.Context()
			log.ErrorContext(ctx, "panic serving request", "request_id", RequestIDFrom(ctx),
				"method", c.Request.Method, "path", c.Request.URL.Path,
				"panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
			if c.Writer.Written() {
				c.Abort() // too late for a problem body; the status is already out
				return
			}
			Write(c, internal())
		}()
		c.Next()
	}
}
