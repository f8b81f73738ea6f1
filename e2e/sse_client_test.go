package e2e

import (
	"bufio"
	"context"
	"net/http"
	"strings"
	"testing"
)

// sseEvent is one received event; comments have name ":".
type sseEvent struct {
	id, name, data string
}

// sseClient reads an event stream in the background.
type sseClient struct {
	resp   *http.Response
	events chan sseEvent
	ended  chan struct{} // closed when the stream ends
	cancel context.CancelFunc
}

// openSSE connects to path with optional token and Last-Event-ID and checks the answer
// is a documented event stream.
func (g *gateway) openSSE(t *testing.T, path, token, lastID string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, g.base+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("GET %s: %v", path, err)
	}
	if _, _, err := g.spec.router.FindRoute(req); err != nil {
		t.Errorf("%s is not documented: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		cancel()
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	c := &sseClient{resp: resp, events: make(chan sseEvent, 100), ended: make(chan struct{}), cancel: cancel}
	go c.read()
	t.Cleanup(c.close)
	return c
}

// read parses the stream into events until it ends.
func (c *sseClient) read() {
	defer close(c.ended)
	sc := bufio.NewScanner(c.resp.Body)
	var e sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if e.name != "" {
				c.events <- e
			}
			e = sseEvent{}
		case strings.HasPrefix(line, ":"):
			c.events <- sseEvent{name: ":", data: strings.TrimSpace(line[1:])}
		default:
			field, value, _ := strings.Cut(line, ": ")
			switch field {
			case "id":
				e.id = value
			case "event":
				e.name = value
			case "data":
				e.data = value
			}
		}
	}
}

// close hangs up.
func (c *sseClient) close() {
	c.cancel()
	c.resp.Body.Close()
}
