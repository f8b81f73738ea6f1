package compose

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"tickup.dev/pkg/config"
)

// workers are the services operators scale with `docker compose up --scale NAME=N`.
var workers = []string{"ticketing", "wallet", "draw"}

// scaledReplicas is how far each worker is scaled when looking for host-port clashes.
const scaledReplicas = 3

// isTickup reports whether a service runs the Tickup image (the others are PostgreSQL and NATS,
// whose environment is theirs, not ours).
func isTickup(s types.ServiceConfig) bool {
	return strings.HasPrefix(s.Image, "tickup:")
}

// acceptedEnv is every environment variable the binaries read: the names pkg/config's key table
// declares (TICKUP_* and the seed's DATABASE_URL, NATS_URL, SUPABASE_JWT…) and ENV_FILE.
func acceptedEnv() map[string]bool {
	names := map[string]bool{config.EnvFileVar: true}
	for _, k := range config.Keys() {
		for _, env := range k.Env {
			names[env] = true
		}
	}
	return names
}

// secretEnv names the variables whose values are secrets: the key table's Secret keys, and the
// PostgreSQL image's password.
func secretEnv() map[string]bool {
	names := map[string]bool{"POSTGRES_PASSWORD": true}
	for _, k := range config.Keys() {
		for _, env := range k.Env {
			names[env] = names[env] || k.Secret
		}
	}
	return names
}

// envKeyFindings reports environment variables of Tickup services that no binary reads: a typo
// there is silently ignored at run time.
func envKeyFindings(p *types.Project, accepted map[string]bool) []string {
	var findings []string
	for _, name := range p.ServiceNames() {
		s := p.Services[name]
		if !isTickup(s) {
			continue
		}
		for key := range s.Environment {
			if !accepted[key] {
				findings = append(findings, fmt.Sprintf("%s: environment key %s is not a configuration key", name, key))
			}
		}
	}
	slices.Sort(findings)
	return findings
}

// portFindings scales every worker to scaledReplicas and reports a host port claimed twice:
// the replica that would fail to start with "port is already allocated".
func portFindings(p *types.Project) []string {
	var findings []string
	owner := map[string]string{}
	for _, name := range p.ServiceNames() {
		s := p.Services[name]
		replicas := s.GetScale()
		if slices.Contains(workers, name) {
			replicas = scaledReplicas
		}
		for r := 1; r <= replicas; r++ {
			for _, port := range s.Ports {
				findings = append(findings, claim(owner, fmt.Sprintf("%s replica %d", name, r), port, r)...)
			}
		}
	}
	return findings
}

// claim records the host port the r-th replica publishes for port (none when the port is
// ephemeral) and reports a clash with an earlier claim.
func claim(owner map[string]string, who string, port types.ServicePortConfig, r int) []string {
	if port.Published == "" {
		return nil
	}
	first, last, err := portRange(port.Published)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", who, err)}
	}
	host := first // a single port is the same for every replica
	if last > first {
		host = first + r - 1 // a range gives each replica the next free one
	}
	if host > last {
		return []string{fmt.Sprintf("%s: no free host port left in %s", who, port.Published)}
	}
	key := fmt.Sprintf("%d/%s", host, port.Protocol)
	if prev, taken := owner[key]; taken {
		return []string{fmt.Sprintf("%s: host port %s already published by %s", who, key, prev)}
	}
	owner[key] = who
	return nil
}

// portRange parses a published port: "8000" or "8000-8010".
func portRange(published string) (first, last int, err error) {
	lo, hi, isRange := strings.Cut(published, "-")
	if first, err = strconv.Atoi(lo); err != nil {
		return 0, 0, fmt.Errorf("published port %q: %w", published, err)
	}
	if !isRange {
		return first, first, nil
	}
	if last, err = strconv.Atoi(hi); err != nil {
		return 0, 0, fmt.Errorf("published port %q: %w", published, err)
	}
	return first, last, nil
}

// healthFindings reports services without a working healthcheck, and Tickup servers whose
// healthcheck does not ask /readyz (dependencies really checked).
func healthFindings(p *types.Project) []string {
	var findings []string
	for _, name := range p.ServiceNames() {
		s := p.Services[name]
		hc := s.HealthCheck
		switch {
		case hc == nil || len(hc.Test) == 0:
			findings = append(findings, name+": no healthcheck")
		case hc.Disable || hc.Test[0] == "NONE":
			findings = append(findings, name+": healthcheck disabled")
		case isTickup(s) && name != "migrate" && !strings.Contains(strings.Join(hc.Test, " "), "/readyz"):
			findings = append(findings, name+": healthcheck does not probe /readyz")
		}
	}
	return findings
}

// dependsFindings reports dependencies that only wait for a container to start, not for it to
// be healthy or, for the migrate step, to have finished.
func dependsFindings(p *types.Project) []string {
	var findings []string
	for _, name := range p.ServiceNames() {
		for dep, cond := range p.Services[name].DependsOn {
			if cond.Condition != types.ServiceConditionHealthy && cond.Condition != types.ServiceConditionCompletedSuccessfully {
				findings = append(findings, fmt.Sprintf("%s: depends on %s with condition %q", name, dep, cond.Condition))
			}
		}
	}
	slices.Sort(findings)
	return findings
}

// secretFindings compares two loads of the same file under different environments: a secret
// whose value is the same in both was written in the file, not taken from the environment.
func secretFindings(a, b *types.Project, secrets map[string]bool) []string {
	var findings []string
	for _, name := range a.ServiceNames() {
		for key, val := range a.Services[name].Environment {
			other := b.Services[name].Environment[key]
			if secrets[key] && val != nil && *val != "" && other != nil && *other == *val {
				findings = append(findings, fmt.Sprintf("%s: secret %s is written in the file", name, key))
			}
		}
	}
	slices.Sort(findings)
	return findings
}
