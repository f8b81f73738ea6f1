package walletaudit

import "time"

// check is one invariant as a query returning the offending (wallet_id, ref, detail) rows.
type check struct {
	name string
	sql  string
	args []any
}

// The tables are named with their schema so the audit works from any search_path.
func checks(grace time.Duration) []check {
	return []check{
		{name: CheckBalanceCache, sql: balanceCacheSQL},
		{name: CheckAvailable, sql: availableSQL},
		{name: CheckOneCapture, sql: oncePerPurchase("TICKET_PURCHASE")},
		{name: CheckOneRefund, sql: oncePerPurchase("REFUND")},
		{name: CheckOnePayout, sql: oncePerPayout},
		{name: CheckOneTopupCredit, sql: oncePer("TOPUP", "ref_topup_id")},
		{name: CheckOneWithdrawalDebit, sql: oncePer("WITHDRAWAL", "ref_withdrawal_id")},
		{name: CheckExpiredHold, sql: expiredHoldSQL, args: []any{grace.Seconds()}},
	}
}

// balanceCacheSQL: balance_cents = SUM(POSTED credits - POSTED debits) for every wallet.
const balanceCacheSQL = `
SELECT a.wallet_id::text AS wallet_id, '' AS ref,
       format('cached balance_cents %s, the POSTED ledger sums to %s', a.balance_cents, coalesce(l.total, 0)) AS detail
FROM wallet.wallet_account a
LEFT JOIN (SELECT wallet_id, sum(CASE WHEN direction = 'CREDIT' THEN amount_cents ELSE -amount_cents END) AS total
           FROM wallet.wallet_ledger WHERE status = 'POSTED' GROUP BY wallet_id) l USING (wallet_id)
WHERE a.balance_cents <> coalesce(l.total, 0)
ORDER BY a.wallet_id`

// availableSQL: ledger balance - ACTIVE holds >= 0, except for wallets an admin debited (an
// ADJUSTMENT DEBIT, or a POSTED credit reversed): releases before wallet migration 0004 let
// those go below zero; today both are refused unless the holds stay covered.
const availableSQL = `
SELECT v.wallet_id::text AS wallet_id, '' AS ref,
       format('balance %s minus active holds %s leaves %s available', v.balance_cents, v.held_cents,
              v.balance_cents - v.held_cents) AS detail
FROM wallet.wallet_balance_view v
WHERE v.balance_cents - v.held_cents < 0
  AND NOT EXISTS (SELECT 1 FROM wallet.wallet_ledger l
                  WHERE l.wallet_id = v.wallet_id
                    AND ((l.reason = 'ADJUSTMENT' AND l.direction = 'DEBIT')
                      OR (l.direction = 'CREDIT' AND l.status = 'REVERSED' AND l.posted_at IS NOT NULL)))
ORDER BY v.wallet_id`

// oncePer: at most one entry of reason per reference column, reversed entries aside.
func oncePer(reason, column string) string {
	return `
SELECT min(wallet_id::text) AS wallet_id, ` + column + `::text AS ref,
       format('%s ` + reason + ` entries (%s) for one reference', count(*), string_agg(entry_id::text, ', ' ORDER BY entry_id)) AS detail
FROM wallet.wallet_ledger
WHERE reason = '` + reason + `' AND status <> 'REVERSED'
GROUP BY ` + column + `
HAVING count(*) > 1
ORDER BY 2`
}

func oncePerPurchase(reason string) string { return oncePer(reason, "ref_purchase_id") }

// oncePerPayout: at most one PRIZE_PAYOUT per (pool, winning ticket).
const oncePerPayout = `
SELECT min(wallet_id::text) AS wallet_id, ref_pool_id::text || '/' || ref_ticket_id::text AS ref,
       format('%s PRIZE_PAYOUT entries (%s) for one winning ticket', count(*), string_agg(entry_id::text, ', ' ORDER BY entry_id)) AS detail
FROM wallet.wallet_ledger
WHERE reason = 'PRIZE_PAYOUT' AND status <> 'REVERSED'
GROUP BY ref_pool_id, ref_ticket_id
HAVING count(*) > 1
ORDER BY 2`

// expiredHoldSQL: no ACTIVE hold of an unconfirmed purchase more than the grace past expiry.
const expiredHoldSQL = `
SELECT wallet_id::text AS wallet_id, coalesce(purchase_id::text, hold_id::text) AS ref,
       format('hold %s expired at %s and is still ACTIVE', hold_id, expires_at) AS detail
FROM wallet.wallet_hold
WHERE status = 'ACTIVE' AND expires_at IS NOT NULL AND expires_at < now() - make_interval(secs => ?)
ORDER BY expires_at`
