package validate

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// PathUUID returns the path parameter name as a lower-case UUID, or a 422 problem naming
// it.
func PathUUID(c *gin.Context, name string) (string, error) {
	v := c.Param(name)
	var chk Checker
	if !chk.UUID(name, v) {
		return "", chk.Err()
	}
	return strings.ToLower(v), nil
}
