package k8s

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// checker holds what every check run needs: KEDA's schema and the durables in the code.
type checker struct {
	keda     *kedaSchema
	durables map[string][]consumer
}

func newChecker(t *testing.T) checker {
	t.Helper()
	keda, err := loadKEDASchema()
	if err != nil {
		t.Fatal(err)
	}
	return checker{keda: keda, durables: durablesInCode()}
}

// check renders one overlay and runs every check, returning the findings.
func (c checker) check(fsys filesys.FileSystem, overlay string) []string {
	objs, err := render(fsys, overlay)
	if err != nil {
		return []string{err.Error()}
	}
	m, findings := decodeAll(objs, c.keda)
	findings = append(findings, deploymentFindings(m)...)
	findings = append(findings, autoscalerFindings(m)...)
	findings = append(findings, exposureFindings(m)...)
	findings = append(findings, egressFindings(m)...)
	findings = append(findings, scalingFindings(m, c.durables)...)
	return append(findings, configFindings(m)...)
}

func TestOverlaysRenderAndPassEveryCheck(t *testing.T) {
	c := newChecker(t)
	for _, overlay := range overlays {
		t.Run(overlay, func(t *testing.T) {
			if got := c.check(filesys.MakeFsOnDisk(), overlay); len(got) > 0 {
				t.Fatalf("%s:\n  %s", overlay, strings.Join(got, "\n  "))
			}
		})
	}
}

func TestOnlyDevRendersThePlaceholderSecret(t *testing.T) {
	for _, tc := range []struct {
		overlay string
		want    bool
	}{{"overlays/dev", true}, {"overlays/prod", false}} {
		objs, err := render(filesys.MakeFsOnDisk(), tc.overlay)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(objs, func(o object) bool {
			return o.Kind == "Secret" && strings.Contains(string(o.YAML), "REPLACE-ME")
		})
		if got != tc.want {
			t.Errorf("%s renders the placeholder Secret: %v, want %v", tc.overlay, got, tc.want)
		}
	}
}

func TestTheContractNamesEveryWorkersConsumers(t *testing.T) {
	durables := durablesInCode()
	for _, w := range workers {
		if len(durables[w]) == 0 {
			t.Errorf("the contract lists no durable consumer of %s", w)
		}
	}
}

// TestManifestChecksCatchPlantedMistakes proves each check can fail: every case plants one
// mistake in an in-memory copy of the manifests, renders the prod overlay and expects a finding.
func TestManifestChecksCatchPlantedMistakes(t *testing.T) {
	cases := []struct {
		name, file, old, new, want string
	}{
		{name: "unknown field", file: "base/wallet.yaml", old: "automountServiceAccountToken:", new: "automountServiceAccountTokens:",
			want: `Deployment wallet: strict decode: error unmarshaling JSON: while decoding JSON: json: unknown field "automountServiceAccountTokens"`},
		{name: "unknown kind version", file: "base/api.yaml", old: "apiVersion: autoscaling/v2\n", new: "apiVersion: autoscaling/v2beta2\n",
			want: "HorizontalPodAutoscaler api: unexpected kind autoscaling/v2beta2 HorizontalPodAutoscaler"},
		{name: "missing probe", file: "base/draw.yaml", old: "          startupProbe:\n", new: "          startupProbeRemoved:\n",
			want: "Deployment draw: strict decode"},
		{name: "missing probe after decode", file: "base/draw.yaml",
			old:  "          startupProbe:\n            httpGet:\n              path: /healthz\n              port: health\n            periodSeconds: 2\n            failureThreshold: 30\n",
			want: "Deployment draw: container draw has no startup probe"},
		{name: "readiness on healthz", file: "base/ticketing.yaml", old: "path: /readyz", new: "path: /healthz",
			want: "Deployment ticketing: container ticketing: readiness probe does not GET /readyz"},
		{name: "no memory limit", file: "base/wallet.yaml", old: "              memory: 256Mi\n", new: "",
			want: "Deployment wallet: container wallet has no memory limit"},
		{name: "writable root file system", file: "base/api.yaml", old: "readOnlyRootFilesystem: true", new: "readOnlyRootFilesystem: false",
			want: "Deployment api: container api has a writable root file system"},
		{name: "capabilities kept", file: "base/migrate-job.yaml", old: `drop: ["ALL"]`, new: `drop: ["NET_RAW"]`,
			want: "Job migrate: container migrate does not drop ALL capabilities"},
		{name: "worker behind a load balancer", file: "base/ticketing.yaml", old: "  type: ClusterIP\n", new: "  type: LoadBalancer\n",
			want: "ticketing: Service ticketing (LoadBalancer) exposes it outside the cluster"},
		{name: "worker reaches outside the cluster", file: "base/networkpolicies.yaml", old: `values: ["api", "draw"]`, new: `values: ["api", "draw", "wallet"]`,
			want: "wallet: NetworkPolicy https-egress-outside-cluster lets it reach more than PostgreSQL, NATS and DNS"},
		{name: "worker admits outside traffic", file: "base/networkpolicies.yaml",
			old: "      app.kubernetes.io/name: api\n  policyTypes: [\"Ingress\"]", new: "      app.kubernetes.io/component: worker\n  policyTypes: [\"Ingress\"]",
			want: "draw: NetworkPolicy api-ingress-public admits traffic from outside"},
		{name: "ScaledObject unknown field", file: "base/scaledobjects.yaml", old: "  pollingInterval: 15\n", new: "  pollingIntervall: 15\n",
			want: "ScaledObject ticketing: KEDA schema: "},
		{name: "ScaledObject metadata not a string", file: "base/scaledobjects.yaml", old: `lagThreshold: "100"`, new: "lagThreshold: 100",
			want: "ScaledObject ticketing: KEDA schema: "},
		{name: "ScaledObject on an unknown consumer", file: "base/scaledobjects.yaml", old: "consumer: wallet-draw\n", new: "consumer: wallet-draws\n",
			want: "ScaledObject wallet: consumer DRAW/wallet-draws is no durable of wallet in the code"},
		{name: "ScaledObject endpoint outside its namespace", file: "base/scaledobjects.yaml",
			old: "natsServerMonitoringEndpoint: nats.tickup.svc.cluster.local:8222", new: "natsServerMonitoringEndpoint: nats:8222",
			want: "ScaledObject ticketing: natsServerMonitoringEndpoint nats:8222, want nats.tickup.svc.cluster.local:8222"},
		{name: "ScaledObject missing", file: "base/kustomization.yaml", old: "  - scaledobjects.yaml\n", new: "",
			want: "worker draw has no ScaledObject"},
		{name: "wrong config key", file: "base/configmap.yaml", old: "  TICKUP_LOG_LEVEL: info\n", new: "  TICKUP_LOGLEVEL: info\n",
			want: "ConfigMap tickup-config: TICKUP_LOGLEVEL is not a configuration key"},
	}
	c := newChecker(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys, root := memoryCopy(t)
			path := filepath.Join(root, tc.file)
			data, err := fsys.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(data), tc.old); n < 1 {
				t.Fatalf("%q is not in %s", tc.old, tc.file)
			}
			if err := fsys.WriteFile(path, []byte(strings.Replace(string(data), tc.old, tc.new, 1))); err != nil {
				t.Fatal(err)
			}
			got := c.check(fsys, filepath.Join(root, "overlays/prod"))
			if !slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, tc.want) }) {
				t.Fatalf("findings:\n  %s\nwant one starting %q", strings.Join(got, "\n  "), tc.want)
			}
		})
	}
}
