package ticketing_test

import (
	"context"
	"fmt"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
)

// buyTicket confirms an ENTRY for user and returns the issued ticket's event.
func buyTicket(e *env, pool ticketingrpc.Pool, user string) events.Ticket {
	e.t.Helper()
	p := entry(pool, user)
	e.confirm(p)
	got := e.await(p)[p.PurchaseID]
	if got.Type != events.TypeTicketIssued.String() {
		e.t.Fatalf("entry of %s: %s %q, want issued", user, got.Type, got.Reason)
	}
	return got.Ticket
}

func cancelPool(e *env, poolID string) {
	e.t.Helper()
	if _, err := e.client.CancelPool(context.Background(), ticketingrpc.CancelPoolRequest{PoolID: poolID}); err != nil {
		e.t.Fatalf("cancel pool: %v", err)
	}
}

// snapshot summarises a pool's state, count, tickets and weights, to compare before/after.
func snapshot(e *env, poolID string) string {
	e.t.Helper()
	var state string
	var sold, tickets, weights, outcomes int
	row := e.db.Raw(`SELECT p.state, p.tickets_sold, count(t.ticket_id), coalesce(sum(t.weight), 0),
			(SELECT count(*) FROM ticketing.purchase_outcome o WHERE o.pool_id = p.pool_id AND o.outcome <> 'REJECTED')
		FROM ticketing.raffle_pool p LEFT JOIN ticketing.ticket t ON t.pool_id = p.pool_id
		WHERE p.pool_id = ? GROUP BY p.pool_id`, poolID).Row()
	if err := row.Scan(&state, &sold, &tickets, &weights, &outcomes); err != nil {
		return "no pool"
	}
	return fmt.Sprintf("%s sold=%d tickets=%d weight=%d accepted=%d", state, sold, tickets, weights, outcomes)
}
