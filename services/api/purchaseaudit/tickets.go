package purchaseaudit

// confirmedPurchaseSQL: every ticket and applied boost belongs to a CONFIRMED purchase, or
// to a REFUNDED or DISPUTED one whose ticket was voided (its pool was cancelled, or its card
// payment given back while the pool was OPEN) or whose payment case is on record for an
// operator (given back after the draw).
const confirmedPurchaseSQL = prelude + `
SELECT s.subject, format('purchase %s is %s', s.purchase_id, coalesce(p.status, 'missing')) AS detail
  FROM sold s LEFT JOIN api.purchase p ON p.purchase_id = s.purchase_id
 WHERE p.purchase_id IS NULL
    OR NOT (p.status = 'CONFIRMED'
            OR (p.status IN ('REFUNDED', 'DISPUTED') AND s.voided_at IS NOT NULL)
            OR (p.status IN ('REFUNDED', 'DISPUTED')
                AND EXISTS (SELECT 1 FROM api.payment_case c WHERE c.purchase_id = p.purchase_id)))
 ORDER BY 1`
