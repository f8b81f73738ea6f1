package health

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// CheckTimeout bounds each readiness check.
const CheckTimeout = 2 * time.Second

// problemType identifies the not-ready problem (RFC 9457).
const problemType = "https://tickup.dev/problems/not-ready"

// ready is the 200 answer of /readyz.
type ready struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

// notReady is the 503 answer of /readyz, an RFC 9457 problem with every check's outcome.
type notReady struct {
	Type   string            `json:"type"`
	Title  string            `json:"title"`
	Status int               `json:"status"`
	Detail string            `json:"detail"`
	Checks map[string]string `json:"checks"`
}

func readiness(checks []Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		results, failed := runAll(r.Context(), checks)
		if len(failed) == 0 {
			writeJSON(w, http.StatusOK, "application/json", ready{Status: "ready", Checks: results})
			return
		}
		writeJSON(w, http.StatusServiceUnavailable, "application/problem+json", notReady{
			Type: problemType, Title: "Service not ready", Status: http.StatusServiceUnavailable,
			Detail: strings.Join(failed, "; "), Checks: results,
		})
	})
}

// runAll runs the checks concurrently and returns each outcome ("ok" or the error) and
// one "name: error" line per failure, sorted by name.
func runAll(ctx context.Context, checks []Check) (map[string]string, []string) {
	errs := make([]error, len(checks))
	done := make(chan struct{})
	for i, c := range checks {
		go func() {
			errs[i] = run(ctx, c)
			done <- struct{}{}
		}()
	}
	for range checks {
		<-done
	}
	results := make(map[string]string, len(checks))
	var failed []string
	for i, c := range checks {
		results[c.Name] = "ok"
		if errs[i] != nil {
			results[c.Name] = errs[i].Error()
			failed = append(failed, c.Name+": "+errs[i].Error())
		}
	}
	sort.Strings(failed)
	return results, failed
}

// run runs one check within CheckTimeout, even if the check ignores its context.
func run(ctx context.Context, c Check) error {
	ctx, cancel := context.WithTimeout(ctx, CheckTimeout)
	defer cancel()
	result := make(chan error, 1)
	go func() { result <- c.Fn(ctx) }()
	select {
	case err := <-result:
		return err
	case <-ctx.Done():
		return fmt.Errorf("no answer within %s: %w", CheckTimeout, context.Cause(ctx))
	}
}

// errNoConnection reports a check given a nil connection.
var errNoConnection = errors.New("no connection")
