package e2e

import "fmt"

// sagaStages reads where a sale's ticketed purchases spent their time, from the rows each
// step wrote (each timestamp is its transaction's start): the purchase stored by POST →
// the wallet's hold → ticketing's ticket → the ticket recorded on the purchase. It is only
// logged, to show which hop of the saga to look at first.
func (r *benchRaffle) sagaStages(poolID string) string {
	var s struct {
		HoldP50, HoldP99, IssueP50, IssueP99, RecordP50, RecordP99 float64
	}
	err := r.adminDB.Raw(`WITH d AS (
			SELECT extract(epoch FROM h.created_at - p.created_at) * 1000 AS hold,
			       extract(epoch FROM t.created_at - h.created_at) * 1000 AS issue,
			       extract(epoch FROM p.updated_at - t.created_at) * 1000 AS record
			FROM api.purchase p
			JOIN wallet.wallet_hold h ON h.purchase_id = p.purchase_id
			JOIN ticketing.ticket t ON t.purchase_id = p.purchase_id
			WHERE p.pool_id = ? AND p.issued_ticket_id IS NOT NULL)
		SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hold) AS hold_p50,
		       percentile_cont(0.99) WITHIN GROUP (ORDER BY hold) AS hold_p99,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY issue) AS issue_p50,
		       percentile_cont(0.99) WITHIN GROUP (ORDER BY issue) AS issue_p99,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY record) AS record_p50,
		       percentile_cont(0.99) WITHIN GROUP (ORDER BY record) AS record_p99
		FROM d`, poolID).Scan(&s).Error
	if err != nil {
		return fmt.Sprintf("saga stages unavailable: %v", err)
	}
	return fmt.Sprintf("p50/p99 ms: purchase stored → hold %.0f/%.0f, hold → ticket %.0f/%.0f, ticket → recorded %.0f/%.0f",
		s.HoldP50, s.HoldP99, s.IssueP50, s.IssueP99, s.RecordP50, s.RecordP99)
}
