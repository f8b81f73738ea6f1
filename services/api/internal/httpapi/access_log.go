package httpapi

import (
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// AccessLog returns middleware that logs one structured line per request once it is
// answered: method, path, route, status, duration, bytes, client IP, request id and the
// caller's user id when known. The query string is never logged (it may carry a token).
func AccessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		ctx := c.Request.Context()
		attrs := []slog.Attr{
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", c.FullPath()),
			slog.Int("status", c.Writer.Status()),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.Int("bytes", max(c.Writer.Size(), 0)),
			slog.String("client_ip", c.ClientIP()),
			slog.String("request_id", problem.RequestIDFrom(ctx)),
		}
		if id, ok := auth.IdentityFrom(ctx); ok {
			attrs = append(attrs, slog.String("user_id", id.UserID))
		}
		log.LogAttrs(ctx, slog.LevelInfo, "http request", attrs...)
	}
}
