package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// Draw is what the wallet needs of a completed draw.
type Draw struct {
	DrawID          string
	PoolID          string
	PrizeType       string
	PrizeValueCents int64 // per winner
	Currency        string
	Winners         []Winner
}

// Winner is one winning ticket.
type Winner struct {
	Tier     int
	TicketID string
	UserID   string
}

// PayPrizes pays a CASH prize: CREDIT PRIZE_PAYOUT POSTED of the prize value to each winner,
// once per (pool, winning ticket). Other prizes are delivered outside the wallet. Triggered
// by draw.completed.
type PayPrizes struct{ deps }

// Handle pays the winners of draw d.
func (h PayPrizes) Handle(ctx context.Context, d Draw) error {
	if d.PrizeType != domain.PrizeCash {
		return nil
	}
	if d.PrizeValueCents <= 0 || !domain.ValidCurrency(d.Currency) {
		return fmt.Errorf("%w: draw %s of pool %s has a CASH prize of %d %q", domain.ErrInconsistent,
			d.DrawID, d.PoolID, d.PrizeValueCents, d.Currency)
	}
	winners := slices.Clone(d.Winners)
	slices.SortFunc(winners, func(x, y Winner) int { return strings.Compare(x.UserID, y.UserID) }) // lock order
	return h.store.InTx(ctx, func(st Books) error {
		for _, w := range winners {
			if err := h.pay(ctx, st, d, w); err != nil {
				return err
			}
		}
		return nil
	})
}

func (h PayPrizes) pay(ctx context.Context, st Books, d Draw, w Winner) error {
	acct, err := st.EnsureAccount(ctx, w.UserID, d.Currency)
	if err != nil {
		return err
	}
	if err := acct.CanReceive(d.Currency); err != nil {
		return fmt.Errorf("%w: payout of pool %s ticket %s: %w", domain.ErrInconsistent, d.PoolID, w.TicketID, err)
	}
	e := domain.NewEntry(acct, domain.Credit, domain.ReasonPrizePayout, d.PrizeValueCents, false, h.now())
	e.RefPoolID, e.RefTicketID, e.Note = d.PoolID, w.TicketID, fmt.Sprintf("prize tier %d, draw %s", w.Tier, d.DrawID)
	_, err = h.post(ctx, st, acct, &e)
	return err
}
