package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tickup.dev/pkg/config"
)

// readyTimeout bounds one /readyz call; the checks behind it take at most 2s.
const readyTimeout = 3 * time.Second

// serviceReady is the outcome of one service's /readyz.
type serviceReady struct {
	service, url string
	err          error // nil when it answered 200
}

// readiness asks every service's /readyz, in service order.
func readiness(ctx context.Context, cfg config.Config, host string) []serviceReady {
	client := &http.Client{Timeout: readyTimeout}
	var out []serviceReady
	for _, name := range serviceNames() {
		url := readyURL(host, name, cfg.HealthPorts[name])
		out = append(out, serviceReady{service: name, url: url, err: checkReady(ctx, client, url)})
	}
	return out
}

// readyURL is service's /readyz at host, where "{service}" stands for the service's name (its
// host name on a compose network or its Service in Kubernetes).
func readyURL(host, service string, port int) string {
	host = strings.ReplaceAll(host, "{service}", service)
	return "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/readyz"
}

func checkReady(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	var problem struct{ Detail string }
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if json.Unmarshal(body, &problem) == nil && problem.Detail != "" {
		return fmt.Errorf("%s: %s", resp.Status, problem.Detail)
	}
	return fmt.Errorf("%s", resp.Status)
}

func printReadiness(w io.Writer, ready []serviceReady) {
	fmt.Fprintln(w, "SERVICE\tREADY\tURL")
	for _, r := range ready {
		state := "ready"
		if r.err != nil {
			state = "NOT READY: " + r.err.Error()
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.service, state, r.url)
	}
}
