package problem

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// logBuffer is a goroutine-safe log sink.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newEngine returns a gin engine wired the way the gateway wires it, and its log.
func newEngine(t *testing.T) (*gin.Engine, *slog.Logger, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	engine := gin.New()
	engine.Use(RequestID(), Recovery(log))
	RegisterFallbacks(engine)
	return engine, log, logs
}

// serve sends one request through engine.
func serve(engine http.Handler, method, path, body string, header http.Header) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)
	return rec
}

// readProblem checks the status, the content type, the type slug and the request id
// echo of a problem response, and returns the problem.
func readProblem(t *testing.T, rec *httptest.ResponseRecorder, status int, slug string) Problem {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != ContentType {
		t.Fatalf("Content-Type = %q, want %q", ct, ContentType)
	}
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("decode problem %s: %v", rec.Body, err)
	}
	if p.Type != TypeURI(slug) || p.Status != status || p.Title == "" {
		t.Fatalf("problem = %+v, want type %s status %d", p, TypeURI(slug), status)
	}
	if id := rec.Header().Get(HeaderRequestID); id == "" || p.RequestID != id {
		t.Fatalf("request_id = %q, header %q", p.RequestID, id)
	}
	return p
}
