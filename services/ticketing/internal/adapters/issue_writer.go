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
	pools    map[uuid.UUID]domain.Pool
	now      time.Time
	tickets  []ticketRow
	boosts   []boostRow
	outcomes []outcomeRow
	events   map[uuid.UUID][]events.Event
}

func newBatchWriter(tx *gorm.DB, pools map[uuid.UUID]domain.Pool, now time.Time) *batchWriter {
	return &batchWriter{tx: tx, pools: pools, now: now, events: map[uuid.UUID][]events.Event{}}
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

// issue numbers the pool's accepted purchases consecutively after tickets_sold.
func (w *batchWriter) issue(pp domain.PoolPlan) error {
	n := len(pp.Issue)
	if n == 0 {
		return nil
	}
	sold, state, err := takeNumbers(w.tx, pp.PoolID, n)
	if err != nil {
		return err
	}
	for i, pu := range pp.Issue {
		row, err := newTicketRow(pu, sold-n+1+i, w.now)
		if err != nil {
			return err
		}
		w.tickets = append(w.tickets, row)
		w.outcome(pu, domain.PurchaseIssued, &row.TicketID, "")
		w.emit(pp.PoolID, events.TicketIssued(ticketEvent(row, pu.Type, "")))
	}
	if state == domain.StateFull {
		p := w.pools[pp.PoolID]
		p.TicketsSold, p.State = sold, state
		w.emit(pp.PoolID, events.PoolFull(poolEvent(p, "")))
	}
	return nil
}

// takeNumbers is the hot path's one statement: it adds n tickets to the pool and sets FULL
// when they fill it, refusing (no row) a pool that is no longer OPEN or has no room.
func takeNumbers(tx *gorm.DB, poolID uuid.UUID, n int) (int, domain.State, error) {
	var rows []struct {
		TicketsSold int
		State       string
	}
	err := tx.Raw(`UPDATE raffle_pool SET tickets_sold = tickets_sold + @n,
			state = CASE WHEN tickets_sold + @n = tickets_required THEN 'FULL' ELSE state END,
			updated_at = now()
		WHERE pool_id = @pool AND state = 'OPEN' AND tickets_sold + @n <= tickets_required
		RETURNING tickets_sold, state`, map[string]any{"n": n, "pool": poolID}).Scan(&rows).Error
	if err != nil {
		return 0, "", fmt.Errorf("number %d tickets in pool %s: %w", n, poolID, err)
	}
	if len(rows) != 1 {
		return 0, "", fmt.Errorf("number %d tickets in pool %s: the pool is no longer OPEN with room", n, poolID)
	}
	return rows[0].TicketsSold, domain.State(rows[0].State), nil
}

func newTicketRow(pu domain.Purchase, num int, now time.Time) (ticketRow, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return ticketRow{}, fmt.Errorf("ticket id: %w", err)
	}
	row := ticketRow{TicketID: id, PoolID: pu.PoolID, TicketNum: num, UserID: pu.UserID, PurchaseID: pu.PurchaseID,
		Weight: 1, Source: domain.PurchaseEntry, AmountCents: pu.AmountCents, Currency: pu.Currency,
		PaymentMethod: pu.PaymentMethod, CreatedAt: now}
	if pu.Type == domain.PurchaseRetry {
		row.Source, row.RetryOfTicketID = domain.PurchaseRetry, &pu.LosingTicketID
	}
	return row, nil
}
