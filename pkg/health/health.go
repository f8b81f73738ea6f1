// Package health serves the endpoints every Tickup service exposes on its health port:
// /healthz (liveness), /readyz (readiness: dependencies really checked) and /metrics.
package health

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Check is one readiness check; Fn returns nil when the dependency is usable.
type Check struct {
	// Name identifies the check in /readyz answers ("db", "nats").
	Name string
	// Fn runs the check; its context expires after CheckTimeout.
	Fn func(ctx context.Context) error
}

// Handler is New with a registry holding only the Go runtime and process collectors.
func Handler(checks ...Check) http.Handler {
	return New(nil, checks...)
}

// New returns a handler for GET /healthz, /readyz and /metrics; /metrics serves reg (a
// registry with the Go runtime and process collectors when reg is nil).
func New(reg *prometheus.Registry, checks ...Check) http.Handler {
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, "application/json", map[string]string{"status": "ok"})
	})
	mux.Handle("GET /readyz", readiness(checks))
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}

func writeJSON(w http.ResponseWriter, status int, contentType string, body any) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // the client has gone if this fails
}
