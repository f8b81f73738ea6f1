package idempotency

import (
	"bytes"

	"github.com/gin-gonic/gin"
)

// recorder passes a response through while keeping a copy of its body.
type recorder struct {
	gin.ResponseWriter
	body bytes.Buffer
}

// Write implements http.ResponseWriter.
func (r *recorder) Write(b []byte) (int, error) {
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}

// WriteString implements io.StringWriter, which gin's renderers use.
func (r *recorder) WriteString(s string) (int, error) {
	r.body.WriteString(s)
	return r.ResponseWriter.WriteString(s)
}
