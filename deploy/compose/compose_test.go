package compose

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// envFor stands in for the shell and .env: every variable the file may interpolate, with a value
// that names the variant, so two loads tell values from the environment apart from literals.
func envFor(variant string) map[string]string {
	env := map[string]string{}
	for name := range acceptedEnv() {
		env[name] = variant + "-" + name
	}
	env["POSTGRES_PASSWORD"] = variant + "-postgres-password"
	return env
}

// findings loads compose YAML twice and runs every check.
func findings(t *testing.T, content []byte, dir string) []string {
	t.Helper()
	a, err := load(context.Background(), content, dir, envFor("a"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := load(context.Background(), content, dir, envFor("b"))
	if err != nil {
		t.Fatal(err)
	}
	all := envKeyFindings(a, acceptedEnv())
	all = append(all, portFindings(a)...)
	all = append(all, healthFindings(a)...)
	all = append(all, dependsFindings(a)...)
	return append(all, secretFindings(a, b, secretEnv())...)
}

func TestComposeFilePassesEveryCheck(t *testing.T) {
	content, dir := readComposeFile(t)
	if got := findings(t, content, dir); len(got) > 0 {
		t.Fatalf("docker-compose.yml:\n  %s", strings.Join(got, "\n  "))
	}
}

func TestComposeFileServesTheApiAloneOnAHostPort(t *testing.T) {
	content, dir := readComposeFile(t)
	p, err := load(context.Background(), content, dir, envFor("a"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range p.ServiceNames() {
		ports := p.Services[name].Ports
		if name == "api" && (len(ports) != 1 || ports[0].Published != "8000" || ports[0].Target != 8000) {
			t.Errorf("api publishes %+v, want 8000:8000", ports)
		}
		if name != "api" && len(ports) > 0 {
			t.Errorf("%s publishes %+v, want no host port", name, ports)
		}
	}
}

func TestComposeFileRefusesToLoadWithoutPostgresPassword(t *testing.T) {
	content, dir := readComposeFile(t)
	env := envFor("a")
	delete(env, "POSTGRES_PASSWORD")
	_, err := load(context.Background(), content, dir, env)
	if err == nil || !strings.Contains(err.Error(), "POSTGRES_PASSWORD") {
		t.Fatalf("load without POSTGRES_PASSWORD: err = %v, want one naming POSTGRES_PASSWORD", err)
	}
}

// TestComposeChecksCatchPlantedMistakes proves each check can fail: every case plants one
// mistake in an in-memory copy of the real file and expects its finding.
func TestComposeChecksCatchPlantedMistakes(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{name: "wrong env key", old: "    TICKUP_LOG_LEVEL: ${", new: "    TICKUP_LOGLEVEL: ${",
			want: "api: environment key TICKUP_LOGLEVEL is not a configuration key"},
		{name: "fixed host port on a worker", old: `    expose: ["8101"]`, new: `    ports: ["127.0.0.1:8101:8101"]`,
			want: "ticketing replica 2: host port 8101/tcp already published by ticketing replica 1"},
		{name: "worker on the api's host port", old: `    expose: ["8103"]`, new: `    ports: ["8000:8103"]`,
			want: "draw replica 1: host port 8000/tcp already published by api replica 1"},
		{name: "missing healthcheck (disabled)", old: "      test: [\"CMD-SHELL\", \"pg_isready -U postgres -d tickup\"]\n",
			new: "      disable: true\n", want: "postgres: no healthcheck"},
		{name: "healthcheck not on readyz", old: "http://127.0.0.1:8102/readyz", new: "http://127.0.0.1:8102/healthz",
			want: "wallet: healthcheck does not probe /readyz"},
		{name: "dependency without condition", old: "condition: service_completed_successfully", new: "condition: service_started",
			want: `api: depends on migrate with condition "service_started"`},
		{name: "secret written in the file", old: "    SUPABASE_JWT: ${SUPABASE_JWT:-}", new: "    SUPABASE_JWT: not-so-secret",
			want: "api: secret SUPABASE_JWT is written in the file"},
	}
	content, dir := readComposeFile(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if n := strings.Count(string(content), tc.old); n != 1 {
				t.Fatalf("%q occurs %d times in docker-compose.yml, want once", tc.old, n)
			}
			planted := strings.Replace(string(content), tc.old, tc.new, 1)
			got := findings(t, []byte(planted), dir)
			if !slices.Contains(got, tc.want) {
				t.Fatalf("findings:\n  %s\nwant %q among them", strings.Join(got, "\n  "), tc.want)
			}
		})
	}
}
