package purchaseaudit

// cardPaymentSQL: every card-paid ticket and boost (voided ones too: their refund needs the
// payment) has its provider payment recorded on its purchase: the provider, the settled
// transaction id (see settledTxnColumn), and the amount and currency of the ticket.
const cardPaymentSQL = prelude + `
SELECT s.subject,
       format('card-paid %s purchase %s priced %s %s: recorded payment provider %s, txn %s, amount %s %s',
              s.type, s.purchase_id, s.amount_cents, s.currency, coalesce(nullif(p.provider, ''), 'none'),
              coalesce(nullif(p.` + settledTxnColumn + `, ''), 'none'), coalesce(p.amount_cents::text, 'none'),
              coalesce(p.currency, '')) AS detail
  FROM sold s LEFT JOIN api.purchase p ON p.purchase_id = s.purchase_id
 WHERE coalesce(p.payment_method, s.payment_method) = 'provider'
   AND (p.purchase_id IS NULL OR coalesce(p.provider, '') = '' OR coalesce(p.` + settledTxnColumn + `, '') = ''
        OR p.amount_cents <> s.amount_cents OR p.currency <> s.currency)
 ORDER BY 1`
