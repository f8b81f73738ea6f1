package purchaseaudit

// confirmedPurchaseSQL: every ticket and applied boost belongs to a CONFIRMED purchase, or
// to a REFUNDED one whose ticket was voided (its pool was cancelled).
const confirmedPurchaseSQL = prelude + `
SELECT s.subject, format('purchase %s is %s', s.purchase_id, coalesce(p.status, 'missing')) AS detail
  FROM sold s LEFT JOIN api.purchase p ON p.purchase_id = s.purchase_id
 WHERE p.purchase_id IS NULL
    OR NOT (p.status = 'CONFIRMED' OR (p.status = 'REFUNDED' AND s.voided_at IS NOT NULL))
 ORDER BY 1`
