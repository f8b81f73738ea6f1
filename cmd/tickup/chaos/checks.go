package chaos

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/jackc/pgx/v5"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// invariants are SQL checks that must find no row, beside `tickup audit`'s money checks.
var invariants = []struct{ name, query string }{
	{"every purchase in one terminal state", `SELECT purchase_id || ' ' || status FROM api.purchase
		WHERE status NOT IN ('CONFIRMED', 'FAILED', 'REFUNDED', 'DISPUTED')`},
	{"no ticket number used twice in a pool", `SELECT pool_id || ' #' || ticket_num FROM ticketing.ticket
		GROUP BY pool_id, ticket_num HAVING count(*) > 1`},
	{"no ticket number beyond the pool size", `SELECT t.pool_id || ' #' || t.ticket_num FROM ticketing.ticket t
		JOIN ticketing.raffle_pool p USING (pool_id) WHERE t.ticket_num > p.tickets_required`},
	{"every full pool drawn", `SELECT pool_id || ' ' || state FROM ticketing.raffle_pool WHERE state IN ('FULL', 'STARTED')`},
	{"every drawn pool drawn exactly once", `SELECT p.pool_id::text FROM ticketing.raffle_pool p
		LEFT JOIN draw.draw d USING (pool_id) WHERE p.state = 'DRAWN' GROUP BY p.pool_id HAVING count(d.draw_id) <> 1`},
	{"no negative balance", `SELECT wallet_id || ' ' || balance_cents FROM wallet.wallet_account WHERE balance_cents < 0`},
}

// check runs every invariant on the quiesced system and records what it found.
func (t *topology) check(ctx context.Context, rep *Report, load *traffic) {
	conn, err := pgx.Connect(ctx, t.pg.URL("tickup"))
	if err != nil {
		rep.violate("database", err.Error())
		return
	}
	defer conn.Close(ctx)
	for _, inv := range invariants {
		found, err := rows(ctx, conn, inv.query)
		switch {
		case err != nil:
			rep.record(inv.name, false, err.Error())
		default:
			rep.record(inv.name, len(found) == 0, strings.Join(first(found, 5), "; "))
		}
	}
	t.checkAudit(ctx, rep)
	t.checkProofs(ctx, rep, conn)
	t.checkMessages(ctx, rep)
	checkClients(rep, load)
	t.count(ctx, rep, conn)
}

// checkAudit runs `tickup audit --grace 0`, the operator's money checks.
func (t *topology) checkAudit(ctx context.Context, rep *Report) {
	out, err := t.tickup(ctx, "audit", "--grace", "0")
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "VIOLATION") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	detail := strings.Join(first(lines, 10), "; ")
	if err != nil && detail == "" {
		detail = err.Error() + ": " + strings.TrimSpace(out)
	}
	rep.record("tickup audit --grace 0 (every ticket paid once, refunds within what was taken, ledger sums)", err == nil, detail)
}

// checkProofs verifies every drawn pool's proof with `tickup verify-draw` through a gateway.
func (t *topology) checkProofs(ctx context.Context, rep *Report, conn *pgx.Conn) {
	pools, err := rows(ctx, conn, `SELECT pool_id::text FROM ticketing.raffle_pool WHERE state = 'DRAWN'`)
	if err != nil {
		rep.record("every draw's proof verifies", false, err.Error())
		return
	}
	var bad []string
	for _, id := range pools {
		if out, err := t.tickup(ctx, "verify-draw", "--pool", id, "--api", t.apiURLs[0]); err != nil {
			bad = append(bad, id+": "+lastLine(out))
		}
	}
	rep.record(fmt.Sprintf("every draw's proof verifies (%d pools)", len(pools)), len(bad) == 0, strings.Join(first(bad, 5), "; "))
}

// checkMessages: every message acknowledged (no consumer has any pending) or in the DLQ
// with the reason it was given up.
func (t *topology) checkMessages(ctx context.Context, rep *Report) {
	redelivered, err := t.consumersDrained(ctx)
	rep.record("every message acknowledged or dead-lettered", err == nil, errText(err))
	rep.Counts["redeliveries"] = redelivered
	letters, err := t.deadLetters(ctx)
	if err != nil {
		rep.record("every dead letter says why", false, err.Error())
		return
	}
	var unexplained []string
	for _, l := range letters {
		if strings.HasSuffix(l, "reason: ") {
			unexplained = append(unexplained, l)
		}
	}
	rep.DeadLetters = letters
	rep.record("every dead letter says why", len(unexplained) == 0, strings.Join(first(unexplained, 5), "; "))
}

func (t *topology) deadLetters(ctx context.Context) ([]string, error) {
	js, closeJS, err := t.jetStream()
	if err != nil {
		return nil, err
	}
	defer closeJS()
	s, err := js.Stream(ctx, events.StreamDLQ)
	if err != nil {
		return nil, err
	}
	info, err := s.Info(ctx)
	if err != nil || info.State.Msgs == 0 {
		return nil, err
	}
	var out []string
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue // deleted
		}
		out = append(out, fmt.Sprintf("%s %s reason: %s", m.Header.Get(bus.HeaderConsumer), m.Header.Get(bus.HeaderType),
			m.Header.Get(bus.HeaderDLQReason)))
	}
	return out, nil
}

// checkClients: during the outages the clients got 503s with Retry-After, never a 500 or
// a hang, and no request failed for good.
func checkClients(rep *Report, load *traffic) {
	c := load.c
	rep.record("no 5xx other than 503 answered", c.serverErrs.Load() == 0, fmt.Sprintf("%d answered", c.serverErrs.Load()))
	rep.record("every 503 says Retry-After", c.noRetryHint.Load() == 0, fmt.Sprintf("%d without", c.noRetryHint.Load()))
	rep.record("no request hung", c.hangs.Load() == 0, fmt.Sprintf("%d timed out", c.hangs.Load()))
	rep.record("no request failed for good", load.clientErrors.Load() == 0, fmt.Sprintf("%d gave up", load.clientErrors.Load()))
}

func (t *topology) count(ctx context.Context, rep *Report, conn *pgx.Conn) {
	for name, q := range map[string]string{
		"tickets":             `SELECT count(*) FROM ticketing.ticket`,
		"pools_drawn":         `SELECT count(*) FROM ticketing.raffle_pool WHERE state = 'DRAWN'`,
		"pools_cancelled":     `SELECT count(*) FROM ticketing.raffle_pool WHERE state = 'CANCELLED'`,
		"purchases_confirmed": `SELECT count(*) FROM api.purchase WHERE status = 'CONFIRMED'`,
		"purchases_failed":    `SELECT count(*) FROM api.purchase WHERE status = 'FAILED'`,
		"purchases_refunded":  `SELECT count(*) FROM api.purchase WHERE status = 'REFUNDED'`,
	} {
		var n int64
		if err := conn.QueryRow(ctx, q).Scan(&n); err == nil {
			rep.Counts[name] = n
		}
	}
	rep.Counts["faults"] = int64(len(rep.Faults))
	var crashes int64
	for _, p := range append(t.replicas(), t.nats...) {
		crashes += p.crashes.Load()
	}
	rep.Counts["unplanned_exits_restarted"] = crashes
}

// plantBalanceDrift credits one wallet's cached balance without a ledger entry: the defect
// the checker must name (tickup chaos --plant balance-drift).
func (t *topology) plantBalanceDrift(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, t.pg.URL("tickup"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `UPDATE wallet.wallet_account SET balance_cents = balance_cents + 100
		WHERE wallet_id = (SELECT wallet_id FROM wallet.wallet_account ORDER BY created_at LIMIT 1)`)
	return err
}

// tickup runs a tickup command against the run's database and returns its output.
func (t *topology) tickup(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, t.bin, args...)
	cmd.Env = append(cmd.Environ(), t.env()...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func rows(ctx context.Context, conn *pgx.Conn, q string) ([]string, error) {
	rs, err := conn.Query(ctx, q)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rs, pgx.RowTo[string])
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
