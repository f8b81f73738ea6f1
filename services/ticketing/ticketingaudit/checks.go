package ticketingaudit

// ticketStats is every pool with the count and the number range of its tickets.
const ticketStats = `SELECT p.pool_id, p.state, p.tickets_sold, p.tickets_required,
		count(t.ticket_id) AS n, coalesce(min(t.ticket_num), 0) AS lo, coalesce(max(t.ticket_num), 0) AS hi,
		count(DISTINCT t.ticket_num) AS distinct_nums
	FROM ticketing.raffle_pool p LEFT JOIN ticketing.ticket t ON t.pool_id = p.pool_id
	GROUP BY p.pool_id`

var checks = []check{
	{SoldMatchesTickets, `SELECT pool_id::text AS subject,
			format('tickets_sold %s but %s ticket(s)', tickets_sold, n) AS detail
		FROM (` + ticketStats + `) s WHERE tickets_sold <> n`},
	{NumbersContiguous, `SELECT pool_id::text AS subject,
			format('%s ticket(s) numbered %s..%s (%s distinct) with tickets_sold %s', n, lo, hi, distinct_nums, tickets_sold) AS detail
		FROM (` + ticketStats + `) s
		WHERE n > 0 AND (lo <> 1 OR hi <> tickets_sold OR distinct_nums <> n OR n <> tickets_sold)`},
	{SoldWithinRequired, `SELECT pool_id::text AS subject,
			format('tickets_sold %s > tickets_required %s', tickets_sold, tickets_required) AS detail
		FROM ticketing.raffle_pool WHERE tickets_sold > tickets_required`},
	{StateMatchesSales, `SELECT pool_id::text AS subject,
			format('state %s with %s of %s tickets sold', state, tickets_sold, tickets_required) AS detail
		FROM ticketing.raffle_pool
		WHERE state <> 'CANCELLED' AND (state IN ('FULL', 'STARTED', 'DRAWN')) <> (tickets_sold = tickets_required)`},
	{OneTicketPerBuy, `SELECT purchase_id::text AS subject, format('%s tickets', count(*)) AS detail
		FROM ticketing.ticket GROUP BY purchase_id HAVING count(*) > 1`},
	{StockNotNegative, `SELECT prize_id::text AS subject, format('stock %s', stock) AS detail
		FROM ticketing.prize WHERE stock < 0`},
	{DrawnHaveOutcomes, `SELECT t.ticket_id::text AS subject, format('ticket %s of DRAWN pool %s has no outcome', t.ticket_num, t.pool_id) AS detail
		FROM ticketing.ticket t JOIN ticketing.raffle_pool p ON p.pool_id = t.pool_id
		WHERE p.state = 'DRAWN' AND t.outcome IS NULL`},
	{BoostsMatchWeights, `SELECT t.ticket_id::text AS subject,
			format('weight %s but %s boost(s) applied', t.weight, count(b.purchase_id)) AS detail
		FROM ticketing.ticket t LEFT JOIN ticketing.ticket_boost b ON b.ticket_id = t.ticket_id AND b.voided_at IS NULL
		GROUP BY t.ticket_id HAVING t.weight <> 1 + count(b.purchase_id)`},
	{OutcomePerPurchase, `SELECT o.purchase_id::text AS subject, 'ISSUED without its own ticket' AS detail
		FROM ticketing.purchase_outcome o LEFT JOIN ticketing.ticket t ON t.ticket_id = o.ticket_id
		WHERE o.outcome = 'ISSUED' AND (t.ticket_id IS NULL OR t.purchase_id <> o.purchase_id)`},
}
