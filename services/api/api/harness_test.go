package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/httpapi"
)

// testSecret signs the test tokens (SUPABASE_JWT of every test gateway).
const testSecret = "tickup-api-test-secret-0123456789abcdef"

// gateway is one gateway started with RunWith on a fresh database and its own NATS.
type gateway struct {
	base   string // http://127.0.0.1:port
	nats   string
	db     *gorm.DB // connected as the api role
	routes gin.RoutesInfo
	logs   *logBuffer
	spec   *specChecker
	stop   func() error
}

// setup is what a test may change before the gateway starts.
type setup struct {
	opts Options
	env  []string // extra configuration, "KEY=value"; a later entry wins
}

// testGatewayEnv are the settings of every test gateway: a slow heartbeat and no write
// limits (a test that wants them sets them).
var testGatewayEnv = []string{"TICKUP_SSE_HEARTBEAT=1m", "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=0",
	"TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=0"}

// startGateway runs a gateway for one test and stops it when the test ends.
func startGateway(t *testing.T, edits ...func(*setup)) *gateway {
	t.Helper()
	s := setup{env: slices.Clone(testGatewayEnv)}
	s.opts.modules = []httpapi.Module{newProbeModule()}
	for _, edit := range edits {
		edit(&s)
	}
	dsn := testenv.ServiceDSN(t, testenv.FreshDatabase(t), Name)
	g := &gateway{nats: testenv.NATSURL(t), logs: &logBuffer{}}
	cfg := testenv.Config(t, dsn, g.nats, append([]string{"SUPABASE_JWT=" + testSecret}, s.env...)...)
	g.base = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	s.opts.Log = slog.New(slog.NewJSONHandler(g.logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	routed := make(chan gin.RoutesInfo, 1)
	s.opts.onRouter = func(r *httpapi.Router) { routed <- r.Engine().Routes() }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- RunWith(ctx, cfg, s.opts) }()
	g.stop = stopper(cancel, done)
	t.Cleanup(func() {
		if err := g.stop(); err != nil {
			t.Errorf("gateway stop: %v", err)
		}
	})
	g.waitReady(t, done)
	g.routes = <-routed
	g.db = testenv.Open(t, dsn)
	g.spec = loadSpec(t, g.base)
	return g
}

// stopper cancels the gateway once and returns what RunWith returned.
func stopper(cancel context.CancelFunc, done <-chan error) func() error {
	var once sync.Once
	var err error
	return func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				err = fmt.Errorf("gateway still running 30s after cancel")
			}
		})
		return err
	}
}

// waitReady polls /readyz, failing fast if RunWith returned.
func (g *gateway) waitReady(t *testing.T, done <-chan error) {
	t.Helper()
	testenv.WaitFor(t, 30*time.Second, "gateway /readyz", func() error {
		select {
		case err := <-done:
			t.Fatalf("gateway stopped while starting: %v", err)
		default:
		}
		resp, err := http.Get(g.base + "/readyz")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
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

// lines decodes the JSON log lines whose msg is msg.
func (l *logBuffer) lines(msg string) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for line := range bytes.Lines(l.buf.Bytes()) {
		var m map[string]any
		if json.Unmarshal(line, &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// contains reports whether any log line contains text.
func (l *logBuffer) contains(text string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Contains(l.buf.Bytes(), []byte(text))
}

// count returns the number of rows query finds.
func (g *gateway) count(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := g.db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// errStillThere is WaitFor's "not yet".
var errStillThere = fmt.Errorf("still there")
