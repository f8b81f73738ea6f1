package property

import (
	"fmt"
	"strings"

	"tickup.dev/pkg/contract/events"
)

// check lists every way the sequence's books are wrong: each query returns one line per
// violation, so a clean sequence reads nothing.
func (s *sequence) check() ([]string, error) {
	var out []string
	for _, c := range invariants {
		var found []string
		if err := s.w.admin.Raw(c.sql, c.args(s)...).Scan(&found).Error; err != nil {
			return nil, fmt.Errorf("check %s: %w", c.name, err)
		}
		for _, f := range found {
			out = append(out, c.name+": "+f)
		}
	}
	return out, nil
}

type invariant struct {
	name string
	sql  string
	args func(*sequence) []any
}

func byUsers(s *sequence) []any { return []any{s.users} }

// byPurchases lists each purchase of the sequence (as array literals) with what it cost if it
// was card-paid (the provider took it outside the wallet); a wallet-paid purchase took only
// what it captured.
func byPurchases(s *sequence) []any {
	ids, card := []string{}, []string{}
	for _, p := range s.purchases {
		paid := int64(0)
		if p.Method != events.PaymentWallet {
			paid = p.Amount
		}
		ids, card = append(ids, p.PurchaseID), append(card, fmt.Sprint(paid))
	}
	return []any{"{" + strings.Join(ids, ",") + "}", "{" + strings.Join(card, ",") + "}"}
}

var invariants = []invariant{
	{"balance", `
		SELECT format('wallet %s: cached %s, POSTED ledger %s, held %s', wallet_id, cached_balance_cents, balance_cents, held_cents)
		FROM wallet_balance_view
		WHERE user_id IN ? AND (cached_balance_cents <> balance_cents OR balance_cents < 0 OR balance_cents - held_cents < 0)`,
		byUsers},
	{"capture", `
		SELECT format('hold %s is %s with capture entry %s (%s %s %s of %s)', h.hold_id, h.status, h.capture_entry_id,
		              l.status, l.reason, l.amount_cents, h.amount_cents)
		FROM wallet_hold h JOIN wallet_account a USING (wallet_id)
		LEFT JOIN wallet_ledger l ON l.entry_id = h.capture_entry_id
		WHERE a.user_id IN ? AND (
		      (h.status = 'CAPTURED') <> (l.entry_id IS NOT NULL)
		   OR l.amount_cents <> h.amount_cents OR l.wallet_id <> h.wallet_id
		   OR (h.reason = 'TICKET_RESERVATION' AND (l.reason <> 'TICKET_PURCHASE' OR l.ref_purchase_id <> h.purchase_id))
		   OR (h.reason = 'WITHDRAWAL' AND (l.reason <> 'WITHDRAWAL' OR l.status <> 'POSTED')))`,
		byUsers},
	{"capture without hold", `
		SELECT format('capture %s of purchase %s has no hold captured by it', l.entry_id, l.ref_purchase_id)
		FROM wallet_ledger l JOIN wallet_account a USING (wallet_id)
		WHERE a.user_id IN ? AND l.reason = 'TICKET_PURCHASE' AND NOT EXISTS (
		      SELECT 1 FROM wallet_hold h WHERE h.capture_entry_id = l.entry_id AND h.status = 'CAPTURED')`,
		byUsers},
	{"withdrawal", `
		SELECT format('withdrawal %s is %s, its hold %s, its entry %s', w.withdrawal_id, w.status, h.status, coalesce(l.status, 'none'))
		FROM wallet_withdrawal_request w JOIN wallet_hold h ON h.hold_id = w.hold_id
		LEFT JOIN wallet_ledger l ON l.entry_id = w.entry_id
		WHERE w.user_id IN ? AND (w.status, h.status, coalesce(l.status, 'none')) NOT IN (
		      ('REQUESTED', 'ACTIVE', 'none'), ('PROCESSING', 'ACTIVE', 'PENDING'), ('COMPLETED', 'CAPTURED', 'POSTED'),
		      ('FAILED', 'RELEASED', 'REVERSED'), ('REJECTED', 'RELEASED', 'none'), ('CANCELLED', 'RELEASED', 'none'))`,
		byUsers},
	{"top-up", `
		SELECT format('top-up %s of %s is %s with %s TOPUP entries', t.topup_id, t.amount_cents, t.status, count(l.entry_id))
		FROM wallet_topup_request t
		LEFT JOIN wallet_ledger l ON l.reason = 'TOPUP' AND l.ref_topup_id = t.topup_id AND l.amount_cents = t.amount_cents
		WHERE t.user_id IN ?
		GROUP BY t.topup_id, t.amount_cents, t.status
		HAVING (t.status = 'COMPLETED' AND count(l.entry_id) <> 1) OR count(l.entry_id) > 1`,
		byUsers},
	{"given back", `
		SELECT format('purchase %s: taken %s, given back %s (%s refunds)', p.id, taken, given_back, refunds)
		FROM unnest(?::uuid[], ?::bigint[]) AS p(id, card_paid)
		CROSS JOIN LATERAL (
		      SELECT p.card_paid + coalesce(sum(amount_cents) FILTER (WHERE reason = 'TICKET_PURCHASE' AND posted_at IS NOT NULL), 0) AS taken,
		             coalesce(sum(amount_cents) FILTER (WHERE (reason = 'REFUND' AND status = 'POSTED')
		                 OR (reason = 'TICKET_PURCHASE' AND status = 'REVERSED' AND posted_at IS NOT NULL)), 0) AS given_back,
		             count(*) FILTER (WHERE reason = 'REFUND') AS refunds
		      FROM wallet_ledger WHERE ref_purchase_id = p.id) m
		WHERE given_back > taken OR refunds > 1`,
		byPurchases},
}
