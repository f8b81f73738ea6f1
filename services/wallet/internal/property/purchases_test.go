package property

import (
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/wallettest"
)

// newPurchase starts a purchase: wallet-paid mostly, card-paid (already confirmed by the
// provider's webhook, so ticketing decides next) otherwise.
func (s *sequence) newPurchase() error {
	p := &purchase{Purchase: wallettest.NewPurchase(s.user(), s.pools[s.rng.IntN(len(s.pools))], 100*(1+s.rng.Int64N(8)))}
	p.PurchaseID, p.TicketID = s.newID(), s.newID()
	if s.rng.IntN(10) < 3 {
		p.Method, p.stage = events.PaymentProvider, stageConfirmed
	}
	s.purchases = append(s.purchases, p)
	s.logf("purchase %s by %s of %d (%s)", p.PurchaseID[:8], p.UserID[:8], p.Amount, p.Method)
	return nil
}

// advancePurchase moves an unfinished purchase one step along the saga, as the api and
// ticketing would.
func (s *sequence) advancePurchase() error {
	var open []*purchase
	for _, p := range s.purchases {
		if p.stage != stageDone && p.stage != stageIssued {
			open = append(open, p)
		}
	}
	if len(open) == 0 {
		return s.newPurchase()
	}
	p := open[s.rng.IntN(len(open))]
	switch p.stage {
	case stageNew:
		return s.create(p)
	case stagePlaced:
		if s.rng.IntN(4) == 0 {
			p.stage = stageDone
			return s.send(p.Failed()) // e.g. its hold expired before the confirmation
		}
		p.stage = stageConfirmed
		return s.send(p.Confirmed())
	case stageRefused:
		p.stage = stageDone
		return s.send(p.Failed())
	}
	if s.cancelled[p.PoolID] || s.rng.IntN(5) == 0 {
		p.stage = stageDone
		return s.send(p.Rejected())
	}
	p.stage = stageIssued
	return s.send(p.Issued())
}

// create delivers purchase.created and learns, as the api would from wallet.hold.placed or
// .rejected, whether the wallet reserved the money.
func (s *sequence) create(p *purchase) error {
	if err := s.send(p.Created()); err != nil {
		return err
	}
	var status string
	if err := s.w.admin.Raw(`SELECT status FROM wallet_hold WHERE purchase_id = ?`, p.PurchaseID).Scan(&status).Error; err != nil {
		return err
	}
	p.stage = stageRefused
	if status == "ACTIVE" {
		p.stage = stagePlaced
	}
	return nil
}

// cancelPool cancels one of the sequence's pools: every issued ticket in it is voided, in a
// random order.
func (s *sequence) cancelPool() error {
	i := s.rng.IntN(len(s.pools))
	pool := s.pools[i]
	s.pools[i], s.cancelled[pool] = s.newID(), true // new purchases go to a new pool
	s.logf("cancel pool %s", pool[:8])
	for _, j := range s.rng.Perm(len(s.purchases)) {
		p := s.purchases[j]
		if p.PoolID != pool || p.stage != stageIssued {
			continue
		}
		p.stage = stageDone
		if err := s.send(p.Voided()); err != nil {
			return err
		}
	}
	return nil
}
