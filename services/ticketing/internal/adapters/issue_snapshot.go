package adapters

import (
	"fmt"
	"slices"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/ticketing/internal/domain"
)

// loadSnapshot locks the pools the purchases name, in pool id order, then reads what the
// rules need. Reading after the locks matters: a replica that issued into the same pool
// has committed by then, and its outcomes and tickets are visible.
func loadSnapshot(tx *gorm.DB, ps []domain.Purchase) (domain.IssueSnapshot, error) {
	s := domain.IssueSnapshot{Purchases: ps, Decided: map[uuid.UUID]bool{}, Pools: map[uuid.UUID]domain.Pool{},
		Tickets: map[domain.PoolUser]int{}, Boosts: map[domain.PoolUser]int{}, Refs: map[uuid.UUID]domain.TicketRef{}}
	var pools []poolRow
	err := tx.Raw(`SELECT * FROM raffle_pool WHERE pool_id IN ? ORDER BY pool_id FOR UPDATE`, poolIDs(ps)).Scan(&pools).Error
	if err != nil {
		return s, fmt.Errorf("lock pools: %w", err)
	}
	for _, p := range pools {
		s.Pools[p.PoolID] = p.domain()
	}
	var decided []uuid.UUID
	if err := tx.Raw(`SELECT purchase_id FROM purchase_outcome WHERE purchase_id IN ?`, purchaseIDs(ps)).Scan(&decided).Error; err != nil {
		return s, fmt.Errorf("read outcomes: %w", err)
	}
	for _, id := range decided {
		s.Decided[id] = true
	}
	if anyCap(s.Pools) {
		if err := countPerUser(tx, "ticket", ps, s.Tickets); err != nil {
			return s, err
		}
	}
	if slices.ContainsFunc(ps, func(p domain.Purchase) bool { return p.Type == domain.PurchaseBoost }) {
		if err := countPerUser(tx, "ticket_boost", ps, s.Boosts); err != nil {
			return s, err
		}
	}
	return s, loadRefs(tx, ps, s.Refs)
}

func anyCap(pools map[uuid.UUID]domain.Pool) bool {
	for _, p := range pools {
		if p.MaxTicketsPerUser != nil {
			return true
		}
	}
	return false
}

type userCount struct {
	PoolID uuid.UUID
	UserID uuid.UUID
	N      int
}

// countPerUser counts the rows of table (ticket or ticket_boost) each buyer has in each pool.
func countPerUser(tx *gorm.DB, table string, ps []domain.Purchase, into map[domain.PoolUser]int) error {
	var rows []userCount
	err := tx.Raw(`SELECT pool_id, user_id, count(*) AS n FROM `+table+
		` WHERE pool_id IN ? AND user_id IN ? GROUP BY pool_id, user_id`, poolIDs(ps), userIDs(ps)).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("count %s per user: %w", table, err)
	}
	for _, r := range rows {
		into[domain.PoolUser{PoolID: r.PoolID, UserID: r.UserID}] = r.N
	}
	return nil
}

type refRow struct {
	TicketID uuid.UUID
	PoolID   uuid.UUID
	UserID   uuid.UUID
	PrizeID  uuid.UUID
	State    string
	Outcome  string
	Retried  bool
	Voided   bool
}

// loadRefs reads the tickets that BOOST and RETRY purchases name.
func loadRefs(tx *gorm.DB, ps []domain.Purchase, into map[uuid.UUID]domain.TicketRef) error {
	var ids []string
	for _, p := range ps {
		for _, id := range []uuid.UUID{p.TicketID, p.LosingTicketID} {
			if id != uuid.Nil {
				ids = append(ids, id.String())
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []refRow
	err := tx.Raw(`SELECT t.ticket_id, t.pool_id, t.user_id, p.prize_id, p.state, coalesce(t.outcome, '') AS outcome,
			EXISTS (SELECT 1 FROM ticket r WHERE r.retry_of_ticket_id = t.ticket_id) AS retried,
			t.voided_at IS NOT NULL AS voided
		FROM ticket t JOIN raffle_pool p ON p.pool_id = t.pool_id WHERE t.ticket_id IN ?`, ids).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("read named tickets: %w", err)
	}
	for _, r := range rows {
		into[r.TicketID] = domain.TicketRef{TicketID: r.TicketID, PoolID: r.PoolID, UserID: r.UserID,
			PrizeID: r.PrizeID, PoolState: domain.State(r.State), Outcome: r.Outcome, Retried: r.Retried,
			Voided: r.Voided}
	}
	return nil
}

func poolIDs(ps []domain.Purchase) []string {
	return distinct(ps, func(p domain.Purchase) uuid.UUID { return p.PoolID })
}
func userIDs(ps []domain.Purchase) []string {
	return distinct(ps, func(p domain.Purchase) uuid.UUID { return p.UserID })
}
func purchaseIDs(ps []domain.Purchase) []string {
	return distinct(ps, func(p domain.Purchase) uuid.UUID { return p.PurchaseID })
}

// distinct returns the sorted distinct ids key picks, as text for IN lists.
func distinct(ps []domain.Purchase, key func(domain.Purchase) uuid.UUID) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, key(p).String())
	}
	slices.Sort(out)
	return slices.Compact(out)
}
