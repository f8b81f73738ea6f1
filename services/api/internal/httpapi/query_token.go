package httpapi

import (
	"github.com/gin-gonic/gin"
)

// QueryToken returns middleware for streaming routes: browsers' EventSource cannot send an
// Authorization header, so a token in ?access_token= is moved into one (a header, when
// present, wins). The access log never records query strings.
func QueryToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		q := c.Request.URL.Query()
		token := q.Get("access_token")
		if token != "" && c.GetHeader("Authorization") == "" {
			c.Request.Header.Set("Authorization", "Bearer "+token)
		}
		if token != "" {
			q.Del("access_token")
			c.Request.URL.RawQuery = q.Encode()
		}
		c.Next()
	}
}
