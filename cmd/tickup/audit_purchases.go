package main

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// purchaseViolation is a ticket or boost that no confirmed purchase paid for.
type purchaseViolation struct {
	Subject string
	Detail  string
}

// ticketsWithoutPurchase checks DESIGN §3's "no ticket without a confirmed purchase" across
// the ticketing and api schemas (only an operator's connection reads both): every ticket and
// applied boost belongs to a CONFIRMED purchase, or to a REFUNDED one whose ticket was voided.
const ticketsWithoutPurchase = `
SELECT 'ticket ' || t.ticket_id AS subject,
       'purchase ' || t.purchase_id || ' is ' || coalesce(p.status, 'missing') AS detail
  FROM ticketing.ticket t LEFT JOIN api.purchase p ON p.purchase_id = t.purchase_id
 WHERE p.purchase_id IS NULL OR NOT (p.status = 'CONFIRMED' OR (p.status = 'REFUNDED' AND t.voided_at IS NOT NULL))
UNION ALL
SELECT 'boost of ticket ' || b.ticket_id,
       'purchase ' || b.purchase_id || ' is ' || coalesce(p.status, 'missing')
  FROM ticketing.ticket_boost b JOIN ticketing.ticket t ON t.ticket_id = b.ticket_id
  LEFT JOIN api.purchase p ON p.purchase_id = b.purchase_id
 WHERE p.purchase_id IS NULL OR NOT (p.status = 'CONFIRMED' OR (p.status = 'REFUNDED' AND t.voided_at IS NOT NULL))
ORDER BY 1`

func auditPurchases(ctx context.Context, gdb *gorm.DB) ([]purchaseViolation, error) {
	var out []purchaseViolation
	if err := gdb.WithContext(ctx).Raw(ticketsWithoutPurchase).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("audit tickets against purchases: %w", err)
	}
	return out, nil
}
