package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Key names of the tracing settings.
const (
	keyOTLPEndpoint = "tracing.otlp_endpoint"
	keySampleRatio  = "tracing.sample_ratio"
)

// Tracing configures OpenTelemetry. Trace context (W3C traceparent) always travels with
// requests and events; spans are exported only when OTLPEndpoint is set.
type Tracing struct {
	// OTLPEndpoint is the OTLP/HTTP traces URL, e.g. http://otel-collector:4318/v1/traces;
	// empty exports nothing.
	OTLPEndpoint string
	// SampleRatio is the share of new traces recorded (0..1); a trace started upstream keeps
	// its caller's decision.
	SampleRatio float64
}

// tracingKeys are the OpenTelemetry settings.
func tracingKeys() []Key {
	return []Key{
		{Name: keyOTLPEndpoint, Env: []string{"TICKUP_OTLP_ENDPOINT"}, Default: "",
			Description: "OTLP/HTTP URL traces are exported to, e.g. http://otel-collector:4318/v1/traces (empty: none)",
			apply:       setString(func(c *Config) *string { return &c.Tracing.OTLPEndpoint })},
		{Name: keySampleRatio, Env: []string{"TICKUP_TRACE_SAMPLE_RATIO"}, Default: "1",
			Description: "share of new traces recorded when exporting, 0 to 1",
			apply:       setRatio(func(c *Config) *float64 { return &c.Tracing.SampleRatio })},
	}
}

// setRatio reads a share between 0 and 1.
func setRatio(field func(*Config) *float64) func(*Config, string) error {
	return func(c *Config, raw string) error {
		v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil || v < 0 || v > 1 {
			return fmt.Errorf("want a number from 0 to 1, got %q", raw)
		}
		*field(c) = v
		return nil
	}
}
