package domain_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

func code(err error) string {
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Code
	}
	return ""
}

func TestPoolTransitions(t *testing.T) {
	tests := []struct {
		from        domain.State
		move        func(*domain.Pool) (bool, error)
		wantState   domain.State
		wantChanged bool
		wantCode    string
	}{
		{domain.StateFull, func(p *domain.Pool) (bool, error) { return p.Start(now) }, domain.StateStarted, true, ""},
		{domain.StateStarted, func(p *domain.Pool) (bool, error) { return p.Start(now) }, domain.StateStarted, false, ""},
		{domain.StateDrawn, func(p *domain.Pool) (bool, error) { return p.Start(now) }, domain.StateDrawn, false, ""},
		{domain.StateOpen, func(p *domain.Pool) (bool, error) { return p.Start(now) }, domain.StateOpen, false, domain.CodePoolState},
		{domain.StateStarted, func(p *domain.Pool) (bool, error) { return p.RecordDraw(now) }, domain.StateDrawn, true, ""},
		{domain.StateDrawn, func(p *domain.Pool) (bool, error) { return p.RecordDraw(now) }, domain.StateDrawn, false, ""},
		{domain.StateCancelled, func(p *domain.Pool) (bool, error) { return p.RecordDraw(now) }, domain.StateCancelled, false, domain.CodePoolState},
		{domain.StateOpen, func(p *domain.Pool) (bool, error) { return true, p.Cancel(now) }, domain.StateCancelled, true, ""},
		{domain.StateFull, func(p *domain.Pool) (bool, error) { return false, p.Cancel(now) }, domain.StateFull, false, domain.CodePoolNotOpen},
	}
	for _, tc := range tests {
		p := openPool(2, 0, func(p *domain.Pool) { p.State = tc.from })
		changed, err := tc.move(&p)
		if p.State != tc.wantState || changed != tc.wantChanged || code(err) != tc.wantCode {
			t.Errorf("from %s: state %s changed %v err %v, want %s %v %q", tc.from, p.State, changed, err,
				tc.wantState, tc.wantChanged, tc.wantCode)
		}
	}
}

func TestPoolPatchKeepsSoldTerms(t *testing.T) {
	sold := openPool(10, 3)
	if err := (domain.PoolPatch{TicketPriceCents: new(int64(900))}).Apply(&sold, now); code(err) != domain.CodePoolHasSales {
		t.Fatalf("price change after sales: %v", err)
	}
	if err := (domain.PoolPatch{MaxTicketsPerUser: new(4)}).Apply(&sold, now); err != nil || *sold.MaxTicketsPerUser != 4 {
		t.Fatalf("cap change after sales: %v", err)
	}
	unsold := openPool(10, 0)
	err := (domain.PoolPatch{TicketsRequired: new(0)}).Apply(&unsold, now)
	var de *domain.Error
	if !errors.As(err, &de) || de.Fields["tickets_required"] == "" {
		t.Fatalf("size 0: %v, want a field error", err)
	}
}

func TestNewPoolDefaultsAndStock(t *testing.T) {
	prize := domain.Prize{ID: uuid.New(), Currency: "CHF", Stock: 1}
	p, err := domain.NewPool(uuid.New(), domain.PoolSpec{PrizeID: prize.ID, TicketPriceCents: 100, TicketsRequired: 5}, prize, now)
	if err != nil || p.Currency != "CHF" || p.WinnersCount != 1 || p.MaxBoostsPerUser != 1 || p.State != domain.StateOpen {
		t.Fatalf("pool %+v, %v: want CHF, 1 winner, 1 boost, OPEN", p, err)
	}
	p.WinnersCount = 2
	if code(p.CheckStock(prize)) != domain.CodePrizeOutOfStock {
		t.Fatal("2 winners from a stock of 1 accepted")
	}
}
