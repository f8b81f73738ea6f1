package domain

import "github.com/google/uuid"

// check returns why pu is refused, or "" when it is accepted.
func (pl *planner) check(pu Purchase) string {
	pool, ok := pl.s.Pools[pu.PoolID]
	if !ok {
		return ReasonPoolNotFound
	}
	if reason := pl.checkOpen(pool); reason != "" {
		return reason
	}
	switch pu.Type {
	case PurchaseEntry:
		return firstOf(
			func() string { return checkPrice(pu, "ticket", &pool.TicketPriceCents, pool.Currency) },
			func() string { return pl.checkUserCap(pool, pu) },
			func() string { return pl.checkCapacity(pool) })
	case PurchaseRetry:
		return firstOf(
			func() string { return pl.checkRetry(pool, pu) },
			func() string { return checkPrice(pu, "retry", pool.RetryPriceCents, pool.Currency) },
			func() string { return pl.checkUserCap(pool, pu) },
			func() string { return pl.checkCapacity(pool) })
	case PurchaseBoost:
		return firstOf(
			func() string { return pl.checkBoost(pool, pu) },
			func() string { return checkPrice(pu, "boost", pool.BoostPriceCents, pool.Currency) })
	}
	return reasonUnknownType(pu.Type)
}

func firstOf(checks ...func() string) string {
	for _, c := range checks {
		if reason := c(); reason != "" {
			return reason
		}
	}
	return ""
}

func (pl *planner) checkOpen(pool Pool) string {
	switch {
	case pool.State == StateFull:
		return ReasonPoolFull
	case pool.State != StateOpen:
		return reasonNotOpen(pool.State)
	case pool.ClosesAt != nil && !pl.now.Before(*pool.ClosesAt):
		return reasonClosed(*pool.ClosesAt)
	}
	return ""
}

// checkPrice refuses an amount or currency other than the pool's price for the purchase.
func checkPrice(pu Purchase, what string, price *int64, currency string) string {
	if pu.AmountCents != *price || pu.Currency != currency {
		return reasonAmount(what, pu.AmountCents, pu.Currency, *price, currency)
	}
	return ""
}

func (pl *planner) checkUserCap(pool Pool, pu Purchase) string {
	if pool.MaxTicketsPerUser == nil {
		return ""
	}
	if pl.s.Tickets[pu.Key()]+pl.tickets[pu.Key()] >= *pool.MaxTicketsPerUser {
		return reasonUserCap(*pool.MaxTicketsPerUser)
	}
	return ""
}

func (pl *planner) checkCapacity(pool Pool) string {
	if pl.sold[pool.ID] >= pool.TicketsRequired {
		return ReasonPoolFull
	}
	return ""
}

func (pl *planner) checkBoost(pool Pool, pu Purchase) string {
	if pool.BoostPriceCents == nil {
		return ReasonNoBoosts
	}
	ref, ok := pl.s.Refs[pu.TicketID]
	switch {
	case pu.TicketID == uuid.Nil:
		return ReasonBoostNeedsTkt
	case !ok || ref.PoolID != pool.ID:
		return reasonNotInPool(pu.TicketID)
	case ref.UserID != pu.UserID:
		return ReasonNotYourTicket
	case ref.Voided:
		return ReasonTicketVoided
	case pl.s.Boosts[pu.Key()]+pl.boosts[pu.Key()] >= pool.MaxBoostsPerUser:
		return reasonBoostCap(pool.MaxBoostsPerUser)
	}
	return ""
}

func (pl *planner) checkRetry(pool Pool, pu Purchase) string {
	if pool.RetryPriceCents == nil {
		return ReasonNoRetries
	}
	ref, ok := pl.s.Refs[pu.LosingTicketID]
	switch {
	case pu.LosingTicketID == uuid.Nil:
		return ReasonRetryNeedsTkt
	case !ok:
		return reasonLoserNotFound(pu.LosingTicketID)
	case ref.UserID != pu.UserID:
		return ReasonNotYourLoser
	case ref.Voided:
		return ReasonTicketVoided
	case ref.PoolState != StateDrawn || ref.Outcome != OutcomeLost:
		return reasonNotLost(pu.LosingTicketID)
	case ref.PrizeID != pool.PrizeID:
		return ReasonOtherPrize
	case ref.Retried || pl.retried[pu.LosingTicketID]:
		return reasonRetried(pu.LosingTicketID)
	}
	return ""
}
