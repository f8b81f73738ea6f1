package config

import (
	"fmt"
	"sort"
	"strings"
)

// ValidationError lists every problem found in a configuration, one per line.
type ValidationError struct {
	// Problems are messages such as `BACKEND_PORT: must be 1..65535, got 70000`.
	Problems []string
}

// Error returns the problems, one per line.
func (e *ValidationError) Error() string {
	return strings.Join(e.Problems, "\n")
}

// Validate checks every value and returns a *ValidationError listing all problems, or nil.
func (c Config) Validate() error {
	if problems := c.problems(); len(problems) > 0 {
		return &ValidationError{Problems: problems}
	}
	return nil
}

// report collects problems labelled with the key's best-known name.
type report struct {
	labels   map[string]string
	problems []string
}

func (r *report) add(key, format string, args ...any) {
	label, ok := r.labels[key]
	if !ok {
		label = key
	}
	r.problems = append(r.problems, label+": "+fmt.Sprintf(format, args...))
}

func (c Config) problems() []string {
	r := &report{labels: map[string]string{}}
	for _, k := range table() {
		r.labels[k.Name] = k.label()
	}
	oneOf(r, keyEnv, c.Env, "dev", "test", "prod")
	checkDatabaseURL(r, c.DatabaseURL)
	checkNATSURL(r, c.NATSURL)
	checkPorts(r, c)
	oneOf(r, keyLogFormat, c.Log.Format, "json", "text")
	oneOf(r, keyLogLevel, c.Log.Level, "debug", "info", "warn", "error")
	if c.ShutdownGrace <= 0 {
		r.add(keyGrace, "must be positive, got %s", c.ShutdownGrace)
	}
	if c.Holds.TTL <= 0 {
		r.add(keyHoldTTL, "must be positive, got %s", c.Holds.TTL)
	}
	if c.Holds.SweepInterval <= 0 {
		r.add(keyHoldSweep, "must be positive, got %s", c.Holds.SweepInterval)
	}
	if c.DataDir == "" {
		r.add(keyDataDir, "required")
	}
	checkAuth(r, c)
	checkWebhooks(r, c)
	checkCredentials(r, c)
	checkCORS(r, c.CORSOrigins)
	checkLimits(r, c)
	checkGateway(r, c.Gateway)
	checkWallet(r, c.Wallet)
	oneOf(r, keyDrawBeacon, c.Draw.Beacon, DrawBeaconOff, DrawBeaconQuicknet)
	checkHTTPURL(r, "draw.beacon_url", c.Draw.BeaconURL, false)
	return r.problems
}

func oneOf(r *report, key, val string, allowed ...string) {
	for _, a := range allowed {
		if val == a {
			return
		}
	}
	r.add(key, "must be %s, got %q", orList(allowed), val)
}

// orList renders ["a" "b" "c"] as "a, b or c".
func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func checkPorts(r *report, c Config) {
	checkPort(r, keyHTTPPort, c.HTTPPort)
	services := make([]string, 0, len(c.HealthPorts))
	for name := range c.HealthPorts {
		if name != APIService {
			services = append(services, name)
		}
	}
	sort.Strings(services)
	for _, name := range services {
		checkPort(r, healthPortPrefix+name, c.HealthPorts[name])
	}
}

func checkPort(r *report, key string, port int) {
	if port < 1 || port > 65535 {
		r.add(key, "must be 1..65535, got %d", port)
	}
}
