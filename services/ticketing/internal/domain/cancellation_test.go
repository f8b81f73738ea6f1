package domain_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

func TestCancelPoolRefundsTicketsInNumberOrderThenBoosts(t *testing.T) {
	t.Parallel()
	pool := openPool(10, 3)
	tickets := []domain.Ticket{
		{ID: uuid.New(), PurchaseID: uuid.New(), Num: 3, Source: domain.PurchaseEntry},
		{ID: uuid.New(), PurchaseID: uuid.New(), Num: 1, Source: domain.PurchaseRetry},
		{ID: uuid.New(), PurchaseID: uuid.New(), Num: 2, Source: domain.PurchaseEntry},
	}
	boost := domain.Boost{PurchaseID: uuid.New(), TicketID: tickets[0].ID, AmountCents: 100}
	c, err := domain.CancelPool(pool, domain.PoolEntries{Tickets: tickets, Boosts: []domain.Boost{boost}}, "why", now)
	if err != nil || c.Pool.State != domain.StateCancelled || !c.Pool.UpdatedAt.Equal(now) || c.Reason != "why" {
		t.Fatalf("cancellation %+v, %v: want the pool CANCELLED now", c, err)
	}
	want := []struct {
		purchase uuid.UUID
		num      int
		typ      string
	}{
		{tickets[1].PurchaseID, 1, domain.PurchaseRetry}, {tickets[2].PurchaseID, 2, domain.PurchaseEntry},
		{tickets[0].PurchaseID, 3, domain.PurchaseEntry}, {boost.PurchaseID, 3, domain.PurchaseBoost},
	}
	if len(c.Refunds) != len(want) {
		t.Fatalf("%d refunds, want %d", len(c.Refunds), len(want))
	}
	for i, w := range want {
		r := c.Refunds[i]
		if r.Ticket.PurchaseID != w.purchase || r.Ticket.Num != w.num || r.PurchaseType != w.typ || r.Reason != "why" {
			t.Errorf("refund %d: %+v, want purchase %s, ticket #%d, %s", i, r, w.purchase, w.num, w.typ)
		}
	}
}

func TestCancelPoolRefusesAPoolNotOpen(t *testing.T) {
	t.Parallel()
	pool := openPool(10, 10, func(p *domain.Pool) { p.State = domain.StateFull })
	_, err := domain.CancelPool(pool, domain.PoolEntries{}, "why", now)
	var refused *domain.Error
	if !errors.As(err, &refused) || refused.Code != domain.CodePoolNotOpen {
		t.Fatalf("cancel a FULL pool: %v, want %s", err, domain.CodePoolNotOpen)
	}
}

func TestRecordDrawNamesEachWinnerOnceAndOnlyOnce(t *testing.T) {
	t.Parallel()
	full := openPool(3, 3, func(p *domain.Pool) { p.State = domain.StateFull })
	a, b := uuid.New(), uuid.New()
	res, changed, err := domain.RecordDraw(full, []uuid.UUID{a, b, a}, now)
	if err != nil || !changed || res.Pool.State != domain.StateDrawn || len(res.Winners) != 2 {
		t.Fatalf("record: %+v, %v, %v: want DRAWN with 2 distinct winners", res, changed, err)
	}
	if _, _, err := domain.RecordDraw(full, nil, now); !errors.Is(err, domain.ErrBadDrawResult) {
		t.Fatalf("no winners: %v, want ErrBadDrawResult", err)
	}
	if _, changed, err := domain.RecordDraw(res.Pool, []uuid.UUID{a}, now); err != nil || changed {
		t.Fatalf("again: %v, %v: want no change", changed, err)
	}
}
