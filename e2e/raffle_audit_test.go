package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/purchaseaudit"
)

// awaitMoneySettled waits, while the services still run, until the purchase audit finds
// nothing with no grace at all: every saga the test started has captured, refunded or
// released what it must. A finding that never goes away fails the test.
func (r *raffle) awaitMoneySettled(t *testing.T) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "every purchase's money to settle", func() error { return moneyFindings(r.adminDB) })
}

// benchMoneyWait bounds how long a benchmark's sale may take to capture and refund.
const benchMoneyWait = 2 * time.Minute

// moneyFindings runs the purchase audit with no grace: an error listing its findings, if any.
func moneyFindings(adminDB *gorm.DB) error {
	found, err := purchaseaudit.CheckWithGrace(context.Background(), adminDB, 0)
	if err != nil || len(found) == 0 {
		return err
	}
	lines := make([]string, len(found))
	for i, v := range found {
		lines[i] = v.String()
	}
	return fmt.Errorf("the purchase audit finds:\n%s", strings.Join(lines, "\n"))
}

// audit runs the operator's `tickup audit --grace 0s` (ticketing, wallet and money checks)
// on the system once its services have stopped, and fails the test unless it is clean.
func (r *raffle) audit(t *testing.T) {
	t.Helper()
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	p := testenv.StartProcess(t, "tickup audit", bin, []string{"audit", "--grace", "0s"}, "DATABASE_URL="+r.admin)
	code, err := p.Wait(raffleWait)
	if err != nil || code != 0 || !strings.Contains(p.Output(), "audit clean") {
		t.Errorf("tickup audit of the system the test ran: exit %d (%v), want 0 and clean:\n%s", code, err, p.Output())
	}
}
