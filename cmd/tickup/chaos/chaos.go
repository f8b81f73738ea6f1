// Package chaos is `tickup chaos`: a flash sale on a loopback topology (a private
// PostgreSQL, a 3-node NATS cluster, two processes of every service) while faults chosen
// from a seed kill, pause and restart its parts; once the faults end and the system has
// quiesced, it checks the invariants and reports what it did and what held
// (docs/resilience.md).
package chaos

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// Options describe one run.
type Options struct {
	Dir      string        // where the run keeps its databases, stores and logs
	Binary   string        // the tickup binary every process runs
	Duration time.Duration // how long the load runs; faults happen within it
	Seed     uint64        // picks the faults, their times and targets; the report prints it
	Faults   bool          // false: load only (for a planted-fault check)
	Plant    string        // "" or "balance-drift": a deliberate defect the checker must name
	Quiesce  time.Duration // how long the system may take to settle after the load
	Out      io.Writer     // progress lines
	// Webhook signs a generic provider's payment.succeeded (kind "purchase_id" or
	// "topup_id") with secret, as the provider does.
	Webhook func(secret, kind, id string, amount int64) (http.Header, []byte, error)
}

func (o Options) logf(format string, args ...any) {
	if o.Out != nil {
		fmt.Fprintf(o.Out, "[chaos %s] "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
	}
}

// Run starts the topology, drives the load and the faults, waits for quiescence and checks
// the invariants. The report lists every violation; err is for a run that could not happen.
func Run(ctx context.Context, opts Options) (Report, error) {
	if opts.Duration <= 0 || opts.Dir == "" || opts.Binary == "" || opts.Webhook == nil {
		return Report{}, errors.New("chaos: duration, dir, binary and webhook are required")
	}
	if opts.Plant != "" && opts.Plant != "balance-drift" {
		return Report{}, fmt.Errorf("chaos: unknown --plant %q (balance-drift)", opts.Plant)
	}
	rep := Report{Seed: opts.Seed, Duration: opts.Duration.String(), Plant: opts.Plant}
	opts.logf("seed %d: repeat this run with --seed %d", opts.Seed, opts.Seed)
	top, err := startTopology(ctx, opts)
	if err != nil {
		return rep, err
	}
	defer top.stop()
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x7469636b7570))
	load := newTraffic(top, opts, rng.Uint64())
	var faults []FaultRecord
	done := make(chan struct{})
	go func() {
		defer close(done)
		if opts.Faults {
			faults = injectFaults(ctx, top, schedule(rng, opts.Duration), opts.logf)
		}
	}()
	load.run(ctx, opts.Duration)
	<-done
	rep.Faults, rep.Counts = faults, load.counts()
	opts.logf("load over: %+v; waiting for the system to quiesce", rep.Counts)
	rep.QuiesceSeconds, err = top.quiesce(ctx, opts.Quiesce)
	if err != nil {
		rep.violate("quiesce", err.Error())
	}
	if opts.Plant == "balance-drift" {
		if err := top.plantBalanceDrift(ctx); err != nil {
			return rep, err
		}
	}
	top.check(ctx, &rep, load)
	return rep, nil
}
