package ticketing_test

import (
	"context"
	"strings"
	"testing"

	"tickup.dev/services/ticketing/ticketingaudit"
)

func TestAuditNamesPlantedViolations(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	pool := e.pool(5)
	ticket := buyTicket(e, pool, newUser())
	buyTicket(e, pool, newUser())
	if v, err := ticketingaudit.Check(context.Background(), e.db); err != nil || len(v) != 0 {
		t.Fatalf("audit of a healthy database: %v, %v", v, err)
	}
	tests := []struct {
		name, plant, undo, want string
	}{
		{"sold count", `UPDATE ticketing.raffle_pool SET tickets_sold = tickets_sold + 1`,
			`UPDATE ticketing.raffle_pool SET tickets_sold = tickets_sold - 1`, ticketingaudit.SoldMatchesTickets},
		{"numbering gap", `UPDATE ticketing.ticket SET ticket_num = 9 WHERE ticket_num = 2`,
			`UPDATE ticketing.ticket SET ticket_num = 2 WHERE ticket_num = 9`, ticketingaudit.NumbersContiguous},
		{"weight without boost", `UPDATE ticketing.ticket SET weight = 3 WHERE ticket_id = '` + ticket.TicketID + `'`,
			`UPDATE ticketing.ticket SET weight = 1 WHERE ticket_id = '` + ticket.TicketID + `'`, ticketingaudit.BoostsMatchWeights},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := e.db.Exec(tc.plant).Error; err != nil {
				t.Fatalf("plant: %v", err)
			}
			defer func() {
				if err := e.db.Exec(tc.undo).Error; err != nil {
					t.Fatalf("undo: %v", err)
				}
			}()
			violations, err := ticketingaudit.Check(context.Background(), e.db)
			if err != nil {
				t.Fatalf("audit: %v", err)
			}
			if len(violations) == 0 || violations[0].Invariant != tc.want {
				t.Fatalf("violations %v, want %s first", violations, tc.want)
			}
			if s := violations[0].String(); !strings.Contains(s, tc.want) || violations[0].Subject == "" {
				t.Fatalf("violation %q does not name the invariant and its subject", s)
			}
		})
	}
}
