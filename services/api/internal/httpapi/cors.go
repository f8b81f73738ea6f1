package httpapi

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/problem"
)

// What browsers are told on the configured origins' behalf. Credentials stay off: tokens
// travel in the Authorization header, never in cookies.
const (
	corsAllowMethods  = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
	corsAllowHeaders  = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID, X-Request-Id"
	corsExposeHeaders = "Location, Idempotent-Replayed, Retry-After, X-Request-Id"
	corsMaxAge        = "600"
)

// CORS returns middleware that lets the browser origins in allowed call the API ("*" lets
// any). A preflight from an allowed origin is answered 204; from another one 403. Other
// requests from an unlisted origin get no CORS headers, so the browser withholds the answer.
func CORS(allowed []string) gin.HandlerFunc {
	anyOrigin := false
	set := make(map[string]bool, len(allowed))
	for _, o := range allowed {
		anyOrigin = anyOrigin || o == "*"
		set[strings.TrimSuffix(o, "/")] = true
	}
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin == "" {
			c.Next()
			return
		}
		c.Writer.Header().Add("Vary", "Origin")
		preflight := c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != ""
		if !anyOrigin && !set[origin] {
			if preflight {
				problem.Write(c, problem.New(http.StatusForbidden, problem.SlugForbidden, "This origin may not call the API."))
				return
			}
			c.Next()
			return
		}
		c.Header("Access-Control-Allow-Origin", allowOrigin(anyOrigin, origin))
		if preflight {
			c.Header("Access-Control-Allow-Methods", corsAllowMethods)
			c.Header("Access-Control-Allow-Headers", corsAllowHeaders)
			c.Header("Access-Control-Max-Age", corsMaxAge)
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Header("Access-Control-Expose-Headers", corsExposeHeaders)
		c.Next()
	}
}

// allowOrigin is the Access-Control-Allow-Origin value.
func allowOrigin(anyOrigin bool, origin string) string {
	if anyOrigin {
		return "*"
	}
	return origin
}
