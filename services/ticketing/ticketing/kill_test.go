package ticketing_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
)

// redeliveryWait covers the consumer's 30 s AckWait: the batch the killed process held
// unacknowledged comes back only after it.
const redeliveryWait = 3 * time.Minute

func TestKillNineMidBacklogLosesAndDuplicatesNothing(t *testing.T) {
	e := newEnv(t).withDraw()
	setup := e.startOne()
	pool := e.pool(4000)
	setup.stop(t)
	const backlog = 5000
	publishBacklog(e, pool, backlog)

	bin := testenv.BuildBinary(t, "tickup.dev/services/ticketing")
	first := e.startProcess(bin, "ticketing-1")
	var atKill int
	testenv.WaitFor(t, waitLimit, "issuance under way", func() error {
		if atKill = e.count(`SELECT count(*) FROM ticketing.purchase_outcome`); atKill == 0 {
			return fmt.Errorf("nothing issued yet")
		}
		return nil
	})
	first.Kill()
	atKill = e.count(`SELECT count(*) FROM ticketing.purchase_outcome`)
	if atKill >= backlog {
		t.Fatalf("the backlog was done (%d) before the kill: the test proves nothing", atKill)
	}
	t.Logf("killed with %d of %d purchases settled", atKill, backlog)

	e.startProcess(bin, "ticketing-2")
	outcomes := e.waitOutcomesWithin(backlog, redeliveryWait)
	issued := 0
	for _, o := range outcomes {
		if o.Type == events.TypeTicketIssued.String() {
			issued++
		}
	}
	if issued != 4000 || len(outcomes) != backlog {
		t.Fatalf("%d issued of %d settled, want 4000 of %d", issued, len(outcomes), backlog)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.raffle_pool WHERE state = ?`, ticketingrpc.StateFull); n != 1 {
		t.Fatal("the pool is not FULL")
	}
}

func publishBacklog(e *env, pool ticketingrpc.Pool, n int) {
	e.t.Helper()
	var wg sync.WaitGroup
	const workers = 8
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				e.confirm(entry(pool, newUser()))
			}
		})
	}
	wg.Wait()
}

// startProcess runs the ticketing binary against the test's database and NATS.
func (e *env) startProcess(bin, name string) *testenv.Process {
	e.t.Helper()
	return testenv.StartProcess(e.t, name, bin, nil,
		"DATABASE_URL="+e.dsn, "NATS_URL="+e.natsURL,
		fmt.Sprintf("TICKUP_TICKETING_HEALTH_PORT=%d", testenv.FreePort(e.t)),
		"TICKUP_LOG_LEVEL=warn", "TICKUP_ENV=test")
}
