package draw_test

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
)

// fill sells every ticket of pool: the first user's ticket is boosted to weight 2 before
// the others buy, the rest go to users in turn (some hold two tickets).
func (w *world) fill(pool ticketingrpc.Pool) []string {
	w.t.Helper()
	users := []string{uuid.NewString(), uuid.NewString(), uuid.NewString()}
	first := w.issued(w.confirm(pool, users[0], events.PurchaseEntry, ""))
	w.issued(w.confirm(pool, users[0], events.PurchaseBoost, first.TicketID))
	for i := 1; i < pool.TicketsRequired; i++ {
		w.confirm(pool, users[i%len(users)], events.PurchaseEntry, "")
	}
	return users
}

// issued waits until ticketing processed the purchase and returns its ticket.
func (w *world) issued(purchaseID string) ticketingrpc.Ticket {
	w.t.Helper()
	var got ticketingrpc.PurchaseTicket
	testenv.WaitFor(w.t, waitLimit, "purchase "+purchaseID+" processed", func() error {
		var err error
		got, err = w.tickets.TicketByPurchase(context.Background(), purchaseID)
		if err == nil && got.Status == ticketingrpc.PurchasePending {
			err = fmt.Errorf("still pending")
		}
		return err
	})
	if got.Ticket == nil {
		w.t.Fatalf("purchase %s: %+v, want a ticket", purchaseID, got)
	}
	return *got.Ticket
}
