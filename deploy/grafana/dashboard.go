// Package grafana holds Tickup's Grafana dashboard (tickup.json) and reads which metrics
// its panels query, so a test can check each one against a real /metrics scrape.
package grafana

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Dashboard is deploy/grafana/tickup.json, the dashboard operators import.
//
//go:embed tickup.json
var Dashboard []byte

type dashboard struct {
	Panels []struct {
		Title   string `json:"title"`
		Targets []struct {
			Expr string `json:"expr"`
		} `json:"targets"`
	} `json:"panels"`
}

var metricName = regexp.MustCompile(`\btickup_[a-z0-9_]+`)

// Metrics returns the metric families a dashboard's panels query, sorted, histogram
// series (_bucket, _count, _sum) named by their family. A panel without a query is an error.
func Metrics(raw []byte) ([]string, error) {
	var d dashboard
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	var out []string
	for _, p := range d.Panels {
		if len(p.Targets) == 0 || p.Targets[0].Expr == "" {
			return nil, fmt.Errorf("dashboard: panel %q queries nothing", p.Title)
		}
		for _, t := range p.Targets {
			for _, m := range metricName.FindAllString(t.Expr, -1) {
				out = append(out, family(m))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func family(series string) string {
	for _, suffix := range []string{"_bucket", "_count", "_sum"} {
		if f, ok := strings.CutSuffix(series, suffix); ok {
			return f
		}
	}
	return series
}
