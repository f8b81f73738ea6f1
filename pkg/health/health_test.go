package health

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func passing(name string) Check {
	return Check{Name: name, Fn: func(context.Context) error { return nil }}
}

func failing(name, msg string) Check {
	return Check{Name: name, Fn: func(context.Context) error { return errors.New(msg) }}
}

// hanging ignores its context, as a wedged driver might.
func hanging(t *testing.T, name string) Check {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	return Check{Name: name, Fn: func(context.Context) error { <-release; return nil }}
}

func TestHandler(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	counter := prometheus.NewCounter(prometheus.CounterOpts{Name: "tickup_test_events_total", Help: "Test events."})
	reg.MustRegister(counter)
	counter.Inc()
	tests := []struct {
		name        string
		handler     http.Handler
		method      string
		path        string
		wantStatus  int
		wantType    string
		wantJSON    map[string]any
		wantContain []string
	}{
		{name: "healthz ignores checks", handler: Handler(failing("db", "down")), path: "/healthz",
			wantStatus: 200, wantType: "application/json", wantJSON: map[string]any{"status": "ok"}},
		{name: "readyz without checks", handler: Handler(), path: "/readyz", wantStatus: 200,
			wantJSON: map[string]any{"status": "ready", "checks": map[string]any{}}},
		{name: "readyz when checks pass", handler: Handler(passing("db"), passing("nats")), path: "/readyz",
			wantStatus: 200, wantType: "application/json",
			wantJSON: map[string]any{"status": "ready", "checks": map[string]any{"db": "ok", "nats": "ok"}}},
		{name: "readyz names the failing check", handler: Handler(passing("db"), failing("nats", "connection is CLOSED")),
			path: "/readyz", wantStatus: 503, wantType: "application/problem+json", wantJSON: map[string]any{
				"type": problemType, "title": "Service not ready", "status": float64(503),
				"detail": "nats: connection is CLOSED",
				"checks": map[string]any{"db": "ok", "nats": "connection is CLOSED"}}},
		{name: "readyz times out a hanging check", handler: Handler(passing("db"), hanging(t, "nats")), path: "/readyz",
			wantStatus: 503, wantType: "application/problem+json", wantContain: []string{`"nats":"no answer within 2s`}},
		{name: "readyz is GET only", handler: Handler(), method: http.MethodPost, path: "/readyz", wantStatus: 405},
		{name: "metrics of the given registry", handler: New(reg), path: "/metrics", wantStatus: 200,
			wantContain: []string{"tickup_test_events_total 1"}},
		{name: "default metrics", handler: Handler(), path: "/metrics", wantStatus: 200,
			wantContain: []string{"go_goroutines"}},
		{name: "unknown path", handler: Handler(), path: "/nope", wantStatus: 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			rec := httptest.NewRecorder()
			tc.handler.ServeHTTP(rec, httptest.NewRequest(method, tc.path, nil))
			body, _ := io.ReadAll(rec.Body)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tc.wantStatus, body)
			}
			if got := rec.Header().Get("Content-Type"); tc.wantType != "" && got != tc.wantType {
				t.Errorf("Content-Type %q, want %q", got, tc.wantType)
			}
			if tc.wantJSON != nil {
				var got map[string]any
				if err := json.Unmarshal(body, &got); err != nil {
					t.Fatalf("decode %s: %v", body, err)
				}
				if gotS, wantS := mustJSON(t, got), mustJSON(t, tc.wantJSON); gotS != wantS {
					t.Errorf("body %s, want %s", gotS, wantS)
				}
			}
			for _, want := range tc.wantContain {
				if !strings.Contains(string(body), want) {
					t.Errorf("body lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

// mustJSON renders v canonically (sorted keys) for comparison.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
