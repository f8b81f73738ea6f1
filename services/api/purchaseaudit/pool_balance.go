package purchaseaudit

// poolBalanceSQL: per pool (and currency), what is sold equals the money taken in for it:
//
//	Σ price of live, paid tickets and boosts = POSTED captures + card settlements
//	                                           − what the provider took back − POSTED refunds
//
// over the pool's purchases. A ticket whose card payment the provider gave back after the
// draw still plays but is no longer paid (its payment case is for an operator). A voided ticket (cancelled pool) or a rejected purchase owes
// nothing, so whatever was taken for it must have come back as a refund, or its capture been
// reversed (a REVERSED entry no longer counts), or its hold released (nothing taken). A BOOST
// counts at its boost price while its ticket lives. An entry's pool is its purchase's
// (ref_pool_id when the purchase is missing). Payouts, top-ups and withdrawals are not sales.
// A pool where anything moved after the cutoff is still settling and is left for later.
const poolBalanceSQL = prelude + `,
flows AS (
    SELECT s.pool_id, s.currency,
           CASE WHEN s.voided_at IS NULL AND coalesce(p.status, '') NOT IN ('REFUNDED', 'DISPUTED')
                THEN s.amount_cents ELSE 0 END AS sold,
           0::bigint AS captured, 0::bigint AS settled, 0::bigint AS refunded, greatest(s.created_at, s.voided_at) AS at
      FROM sold s LEFT JOIN api.purchase p ON p.purchase_id = s.purchase_id
    UNION ALL
    SELECT coalesce(p.pool_id, l.ref_pool_id), l.currency, 0,
           CASE WHEN l.status = 'POSTED' AND l.reason = 'TICKET_PURCHASE' THEN l.amount_cents ELSE 0 END, 0,
           CASE WHEN l.status = 'POSTED' AND l.reason = 'REFUND' THEN l.amount_cents ELSE 0 END,
           greatest(l.created_at, l.posted_at, l.reversed_at)
      FROM wallet.wallet_ledger l LEFT JOIN api.purchase p ON p.purchase_id = l.ref_purchase_id
     WHERE (l.reason = 'TICKET_PURCHASE' AND l.direction = 'DEBIT') OR (l.reason = 'REFUND' AND l.direction = 'CREDIT')
    UNION ALL
    SELECT pool_id, currency, 0, 0, amount_cents - back, 0, updated_at FROM settled
    UNION ALL
    SELECT pool_id, currency, 0, 0, 0, 0, updated_at FROM api.purchase
)
SELECT coalesce('pool ' || pool_id, 'no pool') AS subject,
       format('sold %s %s (live tickets and boosts) but money in is %s: captures %s + card settlements %s - refunds %s (off by %s)',
              sum(sold), currency, sum(captured) + sum(settled) - sum(refunded), sum(captured), sum(settled),
              sum(refunded), sum(captured) + sum(settled) - sum(refunded) - sum(sold)) AS detail
  FROM flows
 GROUP BY pool_id, currency
HAVING sum(sold) <> sum(captured) + sum(settled) - sum(refunded) AND max(at) < (SELECT at FROM cutoff)
 ORDER BY 1, currency`

// refundWithinPaidSQL: no purchase gets back more than was paid for it: its POSTED refunds
// plus what the provider took back are at most its POSTED captures plus its card settlement.
// A capture reversed after its refund (or a refund after the reversal), or store credit for a
// card payment the provider refunded, is money paid back twice.
const refundWithinPaidSQL = prelude + `
SELECT 'purchase ' || b.purchase_id AS subject,
       format('refunded %s (%s) + given back by the provider %s but paid %s: captures %s (%s) + card settlement %s',
              b.refunded_cents, b.refund_entries, coalesce(s.back, 0), b.captured_cents + coalesce(s.amount_cents, 0),
              b.captured_cents, b.capture_entries, coalesce(s.amount_cents, 0)) AS detail
  FROM booked b LEFT JOIN settled s ON s.purchase_id = b.purchase_id
 WHERE b.refunded_cents + coalesce(s.back, 0) > b.captured_cents + coalesce(s.amount_cents, 0)
 ORDER BY 1`
