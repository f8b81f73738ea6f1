package purchaseaudit

// walletCaptureSQL: every wallet-paid ticket and boost (ENTRY, BOOST, RETRY) has exactly one
// POSTED capture (DEBIT TICKET_PURCHASE with ref_purchase_id = its purchase), of its price
// and currency; its price is the same in ticketing and on the purchase. A voided ticket may
// have none (its hold was released before capture, or its capture reversed instead of
// refunded); the pool balance checks that its money came back. How a ticket was paid is the
// purchase's payment_method (ticketing's copy when the purchase is missing). Tickets younger
// than the grace may still be waiting for their capture.
const walletCaptureSQL = prelude + `
SELECT s.subject,
       format('wallet-paid %s purchase %s priced %s %s (purchase %s %s): %s POSTED capture(s): %s',
              s.type, s.purchase_id, s.amount_cents, s.currency, coalesce(p.amount_cents::text, 'missing'),
              coalesce(p.currency, ''), coalesce(b.captures, 0), coalesce(b.capture_entries, 'none')) AS detail
  FROM sold s
  LEFT JOIN api.purchase p ON p.purchase_id = s.purchase_id
  LEFT JOIN booked b ON b.purchase_id = s.purchase_id
 WHERE coalesce(p.payment_method, s.payment_method) = 'wallet'
   AND greatest(s.created_at, s.voided_at) < (SELECT at FROM cutoff)
   AND (CASE WHEN s.voided_at IS NULL THEN coalesce(b.captures, 0) <> 1 ELSE coalesce(b.captures, 0) > 1 END
        OR (b.captures = 1 AND (b.captured_cents <> s.amount_cents OR b.capture_currency <> s.currency))
        OR p.amount_cents <> s.amount_cents OR p.currency <> s.currency)
 ORDER BY 1`
