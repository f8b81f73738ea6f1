package purchaseaudit

// holdStatusSQL: every hold is ACTIVE, CAPTURED or RELEASED (the wallet's CHECK says so;
// the audit does not trust that it is still there).
const holdStatusSQL = prelude + `
SELECT 'hold ' || hold_id AS subject,
       format('status %s, want ACTIVE, CAPTURED or RELEASED (%s %s %s of wallet %s, purchase %s, withdrawal %s)',
              status, reason, amount_cents, currency, wallet_id, coalesce(purchase_id::text, 'none'),
              coalesce(withdrawal_id::text, 'none')) AS detail
  FROM wallet.wallet_hold
 WHERE status IS NULL OR status NOT IN ('ACTIVE', 'CAPTURED', 'RELEASED')
 ORDER BY 1`

// releasedHoldSQL: a RELEASED hold paid for nothing, so its purchase has no live ticket or
// boost (a voided one is fine: its pool was cancelled before the capture).
const releasedHoldSQL = prelude + `
SELECT 'hold ' || h.hold_id AS subject,
       format('RELEASED (%s) but its purchase %s of %s %s has live %s', coalesce(h.release_reason, 'no reason'),
              h.purchase_id, h.amount_cents, h.currency, s.subject) AS detail
  FROM wallet.wallet_hold h JOIN sold s ON s.purchase_id = h.purchase_id
 WHERE h.status = 'RELEASED' AND s.voided_at IS NULL
 ORDER BY 1, s.subject`
