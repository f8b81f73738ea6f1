package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/trace"
)

func TestNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, format, level string
		wantErr             bool
		wantInfo, wantDebug bool
		contains            string
	}{
		{name: "json info", format: "json", level: "info", wantInfo: true, contains: `"msg":"hello"`},
		{name: "text debug", format: "text", level: "debug", wantInfo: true, wantDebug: true, contains: "msg=hello"},
		{name: "upper case", format: "JSON", level: "WARN"},
		{name: "error level hides info", format: "text", level: "error"},
		{name: "bad format", format: "xml", level: "info", wantErr: true},
		{name: "bad level", format: "json", level: "verbose", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			logger, err := New(&buf, tc.format, tc.level)
			if (err != nil) != tc.wantErr {
				t.Fatalf("New error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			logger.Info("hello")
			logger.Debug("details")
			out := buf.String()
			if strings.Contains(out, "hello") != tc.wantInfo || strings.Contains(out, "details") != tc.wantDebug {
				t.Errorf("output %q: want info %v, debug %v", out, tc.wantInfo, tc.wantDebug)
			}
			if !strings.Contains(out, tc.contains) {
				t.Errorf("output %q lacks %q", out, tc.contains)
			}
		})
	}
}

func TestWithServiceAndMasking(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger, err := New(&buf, "json", "info")
	if err != nil {
		t.Fatal(err)
	}
	With(logger, "wallet").Info("started", "password", "hunter2", "Authorization", "Bearer x", "port", 8102)
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("decode %q: %v", buf.String(), err)
	}
	tests := []struct {
		key  string
		want any
	}{
		{key: ServiceKey, want: "wallet"},
		{key: "password", want: "****"},
		{key: "Authorization", want: "****"},
		{key: "port", want: float64(8102)},
	}
	for _, tc := range tests {
		if rec[tc.key] != tc.want {
			t.Errorf("%s = %v, want %v", tc.key, rec[tc.key], tc.want)
		}
	}
}

func TestRecordsLoggedInASpanNameTheirTrace(t *testing.T) {
	var buf bytes.Buffer
	log, err := New(&buf, "json", "info")
	if err != nil {
		t.Fatal(err)
	}
	tid, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	sid, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	ctx := trace.ContextWithSpanContext(context.Background(), trace.NewSpanContext(trace.SpanContextConfig{TraceID: tid, SpanID: sid}))
	log.With("service", "api").InfoContext(ctx, "purchase stored")
	log.Info("no context, no trace")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"`) ||
		!strings.Contains(lines[0], `"span_id":"00f067aa0ba902b7"`) || strings.Contains(lines[1], "trace_id") {
		t.Fatalf("log lines %q: want the trace ids on the first only", lines)
	}
}
