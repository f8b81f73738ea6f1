package realtime

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// reconnectDelay is the retry hint sent to EventSource clients.
const reconnectDelay = 2 * time.Second

// sseWriter writes a text/event-stream response, flushing after every message.
type sseWriter struct {
	w http.ResponseWriter
	f http.Flusher
}

// startSSE sends the headers and the reconnect hint.
func startSSE(c *gin.Context) (*sseWriter, error) {
	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // proxies must not buffer the stream
	c.Status(http.StatusOK)
	w := &sseWriter{w: c.Writer, f: c.Writer}
	return w, w.write(fmt.Sprintf("retry: %d\n\n", reconnectDelay.Milliseconds()))
}

// event sends one event; data must be a single line (compact JSON is).
func (s *sseWriter) event(id, name string, data []byte) error {
	return s.write(fmt.Sprintf("id: %s\nevent: %s\ndata: %s\n\n", id, name, data))
}

// comment sends a comment line, which keeps idle connections (and proxies) alive.
func (s *sseWriter) comment(text string) error {
	return s.write(": " + text + "\n\n")
}

// write sends text and flushes it.
func (s *sseWriter) write(text string) error {
	if _, err := s.w.Write([]byte(text)); err != nil {
		return fmt.Errorf("write event stream: %w", err)
	}
	s.f.Flush()
	return nil
}
