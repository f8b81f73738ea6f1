package chaos

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"syscall"
	"time"

	"tickup.dev/pkg/contract/events"
)

// FaultRecord is one injected fault, as the report lists it.
type FaultRecord struct {
	AtSeconds float64 `json:"at_seconds"`
	Kind      string  `json:"kind"`
	Target    string  `json:"target"`
	Error     string  `json:"error,omitempty"`
}

// fault is one scheduled fault.
type fault struct {
	at     time.Duration
	kind   string
	target int // which replica or node, when the kind names one
}

// pauseFor outlasts a consumer's ack wait (30 s), so its messages go to the other replica.
const pauseFor = 35 * time.Second

// schedule picks every kind of fault once per 2 minutes of run (at least once), each at a
// random moment between 10 % and 70 % of the run, from rng (the run's seed).
func schedule(rng *rand.Rand, d time.Duration) []fault {
	rounds := max(1, int(d/(2*time.Minute)))
	var out []fault
	for range rounds {
		for i := range 8 { // every service replica: api-1..draw-2
			out = append(out, fault{kind: "kill-9-service", target: i})
		}
		out = append(out, fault{kind: "kill-9-nats-node", target: rng.IntN(3)}, fault{kind: "kill-9-nats-leader"},
			fault{kind: "postgres-crash"}, fault{kind: "postgres-restart"},
			fault{kind: "pause-worker", target: 2 + rng.IntN(6)}, fault{kind: "stop-gateway", target: rng.IntN(2)})
	}
	for i := range out {
		out[i].at = time.Duration(float64(d) * (0.1 + 0.6*rng.Float64()))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// injectFaults runs the schedule; each fault ends (restart, resume) before the next starts,
// except a pause, which runs beside them.
func injectFaults(ctx context.Context, top *topology, plan []fault, logf func(string, ...any)) []FaultRecord {
	start := time.Now()
	var out []FaultRecord
	for _, f := range plan {
		select {
		case <-ctx.Done():
			return out
		case <-time.After(time.Until(start.Add(f.at))):
		}
		target, err := top.inject(ctx, f)
		rec := FaultRecord{AtSeconds: time.Since(start).Seconds(), Kind: f.kind, Target: target}
		if err != nil {
			rec.Error = err.Error()
		}
		logf("fault %s %s (%v)", f.kind, target, err)
		out = append(out, rec)
	}
	return out
}

// replicas lists the service processes in a fixed order: api-1, api-2, ticketing-1, ...
func (t *topology) replicas() []*proc {
	var out []*proc
	for _, name := range services {
		out = append(out, t.svc[name]...)
	}
	return out
}

func (t *topology) inject(ctx context.Context, f fault) (string, error) {
	switch f.kind {
	case "kill-9-service":
		p := t.replicas()[f.target]
		return p.name, t.restart(ctx, p, syscall.SIGKILL, time.Second)
	case "stop-gateway":
		p := t.svc["api"][f.target]
		return p.name, t.restart(ctx, p, syscall.SIGTERM, time.Second)
	case "kill-9-nats-node":
		p := t.nats[f.target]
		return p.name, t.restart(ctx, p, syscall.SIGKILL, 3*time.Second)
	case "kill-9-nats-leader":
		i, err := t.streamLeader(ctx)
		if err != nil {
			return "", err
		}
		return t.nats[i].name + " (API stream leader)", t.restart(ctx, t.nats[i], syscall.SIGKILL, 3*time.Second)
	case "postgres-crash", "postgres-restart":
		mode := map[string]string{"postgres-crash": "immediate", "postgres-restart": "fast"}[f.kind]
		if err := t.pg.Stop(mode); err != nil {
			return "postgres", err
		}
		time.Sleep(2 * time.Second)
		return "postgres (pg_ctl -m " + mode + ")", t.pg.Start()
	case "pause-worker":
		p := t.replicas()[f.target]
		if err := p.signal(syscall.SIGSTOP); err != nil {
			return p.name, err
		}
		go func() { time.Sleep(pauseFor); _ = p.signal(syscall.SIGCONT) }()
		return fmt.Sprintf("%s for %s", p.name, pauseFor), nil
	}
	return "", fmt.Errorf("unknown fault %s", f.kind)
}

// restart ends p with sig, waits, starts it again and waits until it is ready.
func (t *topology) restart(ctx context.Context, p *proc, sig syscall.Signal, down time.Duration) error {
	p.kill(sig, 30*time.Second) // a killed process is not restarted by its supervisor
	time.Sleep(down)
	if err := p.start(); err != nil {
		return err
	}
	if p.health == "" {
		return nil
	}
	return waitFor(ctx, 3*time.Minute, p.name+" ready again", func(context.Context) error { return ready(p.health) })
}

// streamLeader is the index of the NATS node leading the API stream.
func (t *topology) streamLeader(ctx context.Context) (int, error) {
	js, closeJS, err := t.jetStream()
	if err != nil {
		return 0, err
	}
	defer closeJS()
	s, err := js.Stream(ctx, events.StreamAPI)
	if err != nil {
		return 0, err
	}
	info := s.CachedInfo()
	if info.Cluster == nil {
		return 0, fmt.Errorf("the API stream has no cluster info")
	}
	var n int
	if _, err := fmt.Sscanf(info.Cluster.Leader, "tickup-%d", &n); err != nil || n < 1 || n > len(t.nats) {
		return 0, fmt.Errorf("leader %q is not a node of the run", info.Cluster.Leader)
	}
	return n - 1, nil
}
