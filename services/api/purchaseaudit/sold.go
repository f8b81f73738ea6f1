package purchaseaudit

// settledTxnColumn is the api.purchase column holding the provider transaction that paid a
// card purchase. It is the one place that names it: the txn id bound by a verified webhook
// (settled_txn_id, api migration 0005), never the client-sent provider_txn_id, which is
// only a hint.
const settledTxnColumn = "settled_txn_id"

// prelude is what every check reads, as common table expressions; its one parameter is the
// grace in seconds.
//   - cutoff: work after it is still in flight.
//   - sold: every ticket and every applied boost, with the purchase that paid it; a boost
//     dies with its ticket (a cancelled pool voids both) or alone (its card payment given back).
//   - settled: card purchases whose provider payment is recorded (provider and transaction)
//     and that were paid (CONFIRMED, or REFUNDED or DISPUTED afterwards); the amount and
//     currency are the purchase's, which the webhook must match. back is what the provider
//     took back from Tickup: the whole amount once it refunded any of it or while the buyer
//     disputes it (whatever it kept is for an operator, through the purchase's payment case).
//   - booked: per purchase, the POSTED wallet captures (DEBIT TICKET_PURCHASE) and refunds
//     (CREDIT REFUND); a REVERSED entry no longer counts.
const prelude = `
WITH cutoff AS (SELECT now() - make_interval(secs => ?) AS at),
sold AS (
    SELECT 'ticket ' || t.ticket_id AS subject, t.ticket_id, t.pool_id, t.purchase_id, t.source AS type,
           t.amount_cents, t.currency, t.payment_method, t.voided_at, t.created_at
      FROM ticketing.ticket t
    UNION ALL
    SELECT 'boost of ticket ' || b.ticket_id, b.ticket_id, b.pool_id, b.purchase_id, 'BOOST',
           b.amount_cents, b.currency, b.payment_method, coalesce(b.voided_at, t.voided_at), b.created_at
      FROM ticketing.ticket_boost b JOIN ticketing.ticket t ON t.ticket_id = b.ticket_id
),
settled AS (
    SELECT purchase_id, pool_id, provider, ` + settledTxnColumn + ` AS txn_id, amount_cents, currency, updated_at,
           CASE WHEN refunded_cents > 0 OR status = 'DISPUTED' THEN amount_cents ELSE 0 END AS back
      FROM api.purchase
     WHERE payment_method = 'provider' AND status IN ('CONFIRMED', 'REFUNDED', 'DISPUTED')
       AND coalesce(provider, '') <> '' AND coalesce(` + settledTxnColumn + `, '') <> ''
),
booked AS (
    SELECT ref_purchase_id AS purchase_id,
           count(*) FILTER (WHERE reason = 'TICKET_PURCHASE') AS captures,
           coalesce(sum(amount_cents) FILTER (WHERE reason = 'TICKET_PURCHASE'), 0) AS captured_cents,
           coalesce(sum(amount_cents) FILTER (WHERE reason = 'REFUND'), 0) AS refunded_cents,
           coalesce(string_agg(format('entry %s of %s %s', entry_id, amount_cents, currency), ', ' ORDER BY entry_id)
                    FILTER (WHERE reason = 'TICKET_PURCHASE'), 'none') AS capture_entries,
           coalesce(string_agg(format('entry %s of %s %s', entry_id, amount_cents, currency), ', ' ORDER BY entry_id)
                    FILTER (WHERE reason = 'REFUND'), 'none') AS refund_entries,
           min(currency) FILTER (WHERE reason = 'TICKET_PURCHASE') AS capture_currency
      FROM wallet.wallet_ledger
     WHERE status = 'POSTED' AND reason IN ('TICKET_PURCHASE', 'REFUND')
       AND ((reason = 'TICKET_PURCHASE' AND direction = 'DEBIT') OR (reason = 'REFUND' AND direction = 'CREDIT'))
     GROUP BY ref_purchase_id
)`
