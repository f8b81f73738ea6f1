package draw_test

import (
	"context"
	"fmt"
	"slices"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/draw/internal/domain"
)

// expectedWinners computes the draw of pool independently of the draw service's store:
// its seed as kept since the pool was created, and the frozen list ticketing serves.
func (w *world) expectedWinners(pool ticketingrpc.Pool) []events.Winner {
	w.t.Helper()
	var seed []byte
	if err := w.db.Raw(`SELECT seed FROM draw.pool_seed WHERE pool_id = ?`, pool.PoolID).Row().Scan(&seed); err != nil {
		w.t.Fatalf("seed: %v", err)
	}
	page, err := w.tickets.PoolTickets(context.Background(), ticketingrpc.PoolTicketsRequest{PoolID: pool.PoolID, Limit: 5000})
	if err != nil || page.NextCursor != "" {
		w.t.Fatalf("frozen list: %v (next %q)", err, page.NextCursor)
	}
	in := domain.Input{PoolID: pool.PoolID, Seed: seed, WinnersCount: pool.WinnersCount}
	for _, t := range page.Items {
		in.Tickets = append(in.Tickets, domain.Ticket{Num: int64(t.TicketNum),
			Participant: domain.Participant(pool.PoolID, t.UserID), Weight: int64(t.Weight)})
	}
	res, err := domain.Draw(in)
	if err != nil {
		w.t.Fatalf("draw: %v", err)
	}
	var out []events.Winner
	for _, win := range res.Winners {
		t := page.Items[win.TicketNum-1]
		out = append(out, events.Winner{Tier: win.Tier, TicketID: t.TicketID, TicketNum: t.TicketNum, UserID: t.UserID,
			Participant: win.Participant})
	}
	return out
}

// checkEvent compares a draw.completed with the expected winners and the pool's prize.
func (w *world) checkEvent(e events.DrawCompleted, pool ticketingrpc.Pool) {
	w.t.Helper()
	want := w.expectedWinners(pool)
	if !slices.Equal(e.Winners, want) {
		w.t.Fatalf("winners %+v, want %+v", e.Winners, want)
	}
	var hash string
	if err := w.db.Raw(`SELECT encode(sha256(proof), 'hex') FROM draw.draw WHERE pool_id = ?`, pool.PoolID).Row().Scan(&hash); err != nil {
		w.t.Fatalf("proof hash: %v", err)
	}
	got := fmt.Sprintf("%s %s %s %d %s %s", e.PoolID, e.PrizeID, e.PrizeType, e.PrizeValueCents, e.Currency, e.ProofHash)
	wantLine := fmt.Sprintf("%s %s CASH 10000 EUR %s", pool.PoolID, pool.PrizeID, hash)
	if got != wantLine || e.Algorithm != domain.Algorithm || e.DrawID == "" {
		w.t.Fatalf("event %q (algorithm %q), want %q", got, e.Algorithm, wantLine)
	}
}
