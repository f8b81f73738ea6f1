package adapters

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// batchWriter applies an issuance plan inside the batch's transaction. It collects the
// rows of every pool and inserts each table's rows in one statement.
type batchWriter struct {
	tx       *gorm.DB
	now      time.Time
	tickets  []ticketRow
	boosts   []boostRow
	outcomes []outcomeRow
	events   map[uuid.UUID][]events.Event
}

func newBatchWriter(tx *gorm.DB, now time.Time) *batchWriter {
	return &batchWriter{tx: tx, now: now, events: map[uuid.UUID][]events.Event{}}
}

func (w *batchWriter) apply(ctx context.Context, plan domain.IssuePlan) error {
	for _, pp := range plan.Pools {
		if err := w.issue(pp); err != nil {
			return err
		}
		if err := w.boost(pp); err != nil {
			return err
		}
		w.reject(pp)
	}
	if err := w.insert(); err != nil {
		return err
	}
	for _, pp := range plan.Pools {
		if err := addEvents(ctx, w.tx, pp.PoolID.String(), w.events[pp.PoolID]); err != nil {
			return err
		}
	}
	return nil
}

// issue writes the pool's new tickets with the numbers the plan gave them.
func (w *batchWriter) issue(pp domain.PoolPlan) error {
	if len(pp.Issue) == 0 {
		return nil
	}
	if err := saveSold(w.tx, pp.Pool, len(pp.Issue)); err != nil {
		return err
	}
	for i, pu := range pp.Issue {
		row, err := newTicketRow(pu, pp.FirstNum+i, w.now)
		if err != nil {
			return err
		}
		w.tickets = append(w.tickets, row)
		w.outcome(pu, domain.PurchaseIssued, &row.TicketID, "")
		w.emit(pp.PoolID, events.TicketIssued(ticketEvent(row.domain(), pu.Type, "")))
	}
	if pp.Filled() {
		w.emit(pp.PoolID, events.PoolFull(poolEvent(pp.Pool, "")))
	}
	return nil
}

// saveSold is the hot path's one statement: it stores the pool's new tickets_sold and
// state, guarded on the count the plan started from (the pool is locked, so the guard
// holds unless something changed the pool behind the lock).
func saveSold(tx *gorm.DB, p domain.Pool, issued int) error {
	res := tx.Exec(`UPDATE raffle_pool SET tickets_sold = @sold, state = @state, updated_at = now()
		WHERE pool_id = @pool AND state = 'OPEN' AND tickets_sold = @before AND @sold <= tickets_required`,
		map[string]any{"sold": p.TicketsSold, "state": string(p.State), "pool": p.ID, "before": p.TicketsSold - issued})
	if res.Error != nil {
		return fmt.Errorf("number %d tickets in pool %s: %w", issued, p.ID, res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("number %d tickets in pool %s: the pool is no longer OPEN with room", issued, p.ID)
	}
	return nil
}

func newTicketRow(pu domain.Purchase, num int, now time.Time) (ticketRow, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return ticketRow{}, fmt.Errorf("ticket id: %w", err)
	}
	return toTicketRow(domain.IssuedTicket(id, pu, num, now)), nil
}
