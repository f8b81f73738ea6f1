package purchaseaudit_test

// settledTxnColumn is the api.purchase column holding the provider transaction that paid a
// card purchase (the audit reads the same column).
const settledTxnColumn = "settled_txn_id"

// purchase is an api.purchase row; txn is its settled provider transaction (card-paid).
type purchase struct {
	id, pool, typ, status, method string
	cents                         int64
	txn, boosts, retries          string
}

// sale is a ticketing.ticket row and the purchase that paid it.
type sale struct {
	ticket, pool, purchase, retryOf, outcome string
	num                                      int
	cents                                    int64
	voided                                   bool
}

// buy books a purchase, by default an ENTRY, made and last changed an hour ago.
func (b *books) buy(p purchase) {
	b.t.Helper()
	if p.typ == "" {
		p.typ = "ENTRY"
	}
	b.exec(`INSERT INTO api.purchase (purchase_id, user_id, pool_id, type, ticket_id, losing_ticket_id, status, amount_cents,
		currency, payment_method, provider, hold_expires_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, nullif(?, '')::uuid, nullif(?, '')::uuid, ?, ?, 'EUR', ?, CASE WHEN ? = 'provider' THEN 'stripe' END,
		        CASE WHEN ? = 'wallet' THEN `+old+` + interval '10 minutes' END, `+old+`, `+old+`)`,
		p.id, user, p.pool, p.typ, p.boosts, p.retries, p.status, p.cents, p.method, p.method, p.method)
	if p.txn != "" {
		b.exec(`UPDATE api.purchase SET `+settledTxnColumn+` = ? WHERE purchase_id = ?`, p.txn, p.id)
	}
}

// ticket books the ticket of s (an ENTRY, or a RETRY of s.retryOf) paid by method.
func (b *books) ticket(s sale, method string) {
	b.t.Helper()
	source := "ENTRY"
	if s.retryOf != "" {
		source = "RETRY"
	}
	b.exec(`INSERT INTO ticketing.ticket (ticket_id, pool_id, ticket_num, user_id, purchase_id, source, retry_of_ticket_id,
		amount_cents, currency, payment_method, outcome, voided_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, nullif(?, '')::uuid, ?, 'EUR', ?, nullif(?, ''), CASE WHEN ? THEN `+old+` END, `+old+`)`,
		s.ticket, s.pool, s.num, user, s.purchase, source, s.retryOf, s.cents, method, s.outcome, s.voided)
}

// walletTicket books a wallet-paid ticket as the saga leaves it: purchase, captured hold
// and its capture entry.
func (b *books) walletTicket(s sale, status string) {
	b.t.Helper()
	typ := "ENTRY"
	if s.retryOf != "" {
		typ = "RETRY"
	}
	b.buy(purchase{id: s.purchase, pool: s.pool, typ: typ, status: status, method: "wallet", cents: s.cents, retries: s.retryOf})
	b.ticket(s, "wallet")
	b.hold("", s.purchase, s.cents, "CAPTURED")
	b.entry("DEBIT", "TICKET_PURCHASE", s.cents, s.purchase, s.pool, s.ticket)
}

// cardTicket books a card-paid ticket: its purchase, settled by txn_<purchase>, and the ticket.
func (b *books) cardTicket(s sale, status string) {
	b.t.Helper()
	b.buy(purchase{id: s.purchase, pool: s.pool, status: status, method: "provider", cents: s.cents, txn: "txn_" + s.purchase[24:]})
	b.ticket(s, "provider")
}

// walletBoost books a wallet-paid BOOST of ticket: purchase, boost, captured hold, capture.
func (b *books) walletBoost(purchaseID, ticket, pool string, cents int64, status string) {
	b.t.Helper()
	b.buy(purchase{id: purchaseID, pool: pool, typ: "BOOST", status: status, method: "wallet", cents: cents, boosts: ticket})
	b.boost(purchaseID, ticket, pool, cents, "wallet")
	b.hold("", purchaseID, cents, "CAPTURED")
	b.entry("DEBIT", "TICKET_PURCHASE", cents, purchaseID, pool, ticket)
}

// cardBoost books a card-paid BOOST of ticket: its settled purchase and the boost.
func (b *books) cardBoost(purchaseID, ticket, pool string, cents int64, status string) {
	b.t.Helper()
	b.buy(purchase{id: purchaseID, pool: pool, typ: "BOOST", status: status, method: "provider", cents: cents,
		txn: "txn_" + purchaseID[24:], boosts: ticket})
	b.boost(purchaseID, ticket, pool, cents, "provider")
}

func (b *books) boost(purchaseID, ticket, pool string, cents int64, method string) {
	b.t.Helper()
	b.exec(`INSERT INTO ticketing.ticket_boost (purchase_id, ticket_id, pool_id, user_id, amount_cents, currency, payment_method, created_at)
		VALUES (?, ?, ?, ?, ?, 'EUR', ?, `+old+`)`, purchaseID, ticket, pool, user, cents, method)
}

// hold books a ticket reservation in status (ACTIVE, CAPTURED or RELEASED); an empty id
// makes one up.
func (b *books) hold(holdID, purchaseID string, cents int64, status string) {
	b.t.Helper()
	b.exec(`INSERT INTO wallet.wallet_hold (hold_id, wallet_id, purchase_id, amount_cents, currency, status, reason,
		captured_at, released_at, release_reason, created_at, updated_at)
		VALUES (coalesce(nullif(?, '')::uuid, gen_random_uuid()), ?, ?, ?, 'EUR', ?, 'TICKET_RESERVATION',
		        CASE WHEN ? = 'CAPTURED' THEN `+old+` END, CASE WHEN ? = 'RELEASED' THEN `+old+` END,
		        CASE WHEN ? = 'RELEASED' THEN 'released' END, `+old+`, `+old+`)`,
		holdID, walletID, purchaseID, cents, status, status, status, status)
}

// entry books a POSTED ledger entry an hour ago with its references (empty: none).
func (b *books) entry(direction, reason string, cents int64, purchaseID, pool, ticket string) {
	b.t.Helper()
	b.exec(`INSERT INTO wallet.wallet_ledger (wallet_id, direction, reason, status, amount_cents, currency,
		ref_purchase_id, ref_pool_id, ref_ticket_id, actor, note, created_at, posted_at)
		VALUES (?, ?, ?, 'POSTED', ?, 'EUR', nullif(?, '')::uuid, nullif(?, '')::uuid, nullif(?, '')::uuid, 'test', 'test', `+old+`, `+old+`)`,
		walletID, direction, reason, cents, purchaseID, pool, ticket)
}

// reverse moves a POSTED entry to REVERSED a minute ago, as an admin's reversal does.
func (b *books) reverse(entryID int) {
	b.t.Helper()
	b.exec(`UPDATE wallet.wallet_ledger SET status = 'REVERSED', reversed_at = now() - interval '1 minute',
		reversal_reason = 'test', reversed_by = 'admin' WHERE entry_id = ?`, entryID)
}
