package walletaudit_test

import (
	"testing"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/wallet/walletaudit"
)

func TestAuditCatchesATamperedBalanceCache(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.exec(t, `UPDATE wallet_account SET balance_cents = balance_cents + 1 WHERE wallet_id = ?`, b.wallet)
	wantOnly(t, b, walletaudit.CheckBalanceCache, "")
}

func TestAuditCatchesALedgerRewrittenBehindTheTrigger(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	err := b.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SET LOCAL session_replication_role = replica`).Error; err != nil {
			return err
		}
		return tx.Exec(`UPDATE wallet_ledger SET amount_cents = 600 WHERE ref_purchase_id = ?`, b.purchase).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	wantOnly(t, b, walletaudit.CheckBalanceCache, "")
}

func TestAuditCatchesHoldsAboveTheBalance(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.hold(t, uuid.NewString(), 5000, "NULL")
	wantOnly(t, b, walletaudit.CheckAvailable, "")
}

func TestAuditExemptsWalletsAnAdminDebited(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.entry(t, "DEBIT", "ADJUSTMENT", 3000, "ref_external_txn", "clawback")
	// Books an older release allowed: the balance floor (migration 0004) now refuses them.
	b.behindTriggers(t, `UPDATE wallet_account SET balance_cents = balance_cents - 3000 WHERE wallet_id = ?`, b.wallet)
	if vs := audit(t, b.db); len(vs) != 0 {
		t.Fatalf("an admin debit below zero reported: %v", vs)
	}
}

func TestAuditCatchesASecondCapture(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.duplicate(t, "wallet_ledger_one_capture", "DEBIT", "TICKET_PURCHASE", "ref_purchase_id", b.purchase)
	wantOnly(t, b, walletaudit.CheckOneCapture, b.purchase)
}

func TestAuditCatchesASecondRefund(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.duplicate(t, "wallet_ledger_one_refund", "CREDIT", "REFUND", "ref_purchase_id", b.refunded)
	wantOnly(t, b, walletaudit.CheckOneRefund, b.refunded)
}

func TestAuditCatchesASecondPayout(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.duplicate(t, "wallet_ledger_one_payout", "CREDIT", "PRIZE_PAYOUT", "ref_pool_id, ref_ticket_id", b.pool, b.ticket)
	wantOnly(t, b, walletaudit.CheckOnePayout, b.pool+"/"+b.ticket)
}

func TestAuditCatchesASecondTopupCredit(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.duplicate(t, "wallet_ledger_one_topup", "CREDIT", "TOPUP", "ref_topup_id", b.topup)
	wantOnly(t, b, walletaudit.CheckOneTopupCredit, b.topup)
}

func TestAuditCatchesASecondWithdrawalDebit(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.duplicate(t, "wallet_ledger_one_withdrawal", "DEBIT", "WITHDRAWAL", "ref_withdrawal_id", b.withdrawal)
	wantOnly(t, b, walletaudit.CheckOneWithdrawalDebit, b.withdrawal)
}

func TestAuditCatchesAnExpiredActiveHold(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.hold(t, uuid.NewString(), 10, "now() - interval '1 minute'") // within the grace: the sweeper may not have run
	if vs := audit(t, b.db); len(vs) != 0 {
		t.Fatalf("a hold just past its expiry reported: %v", vs)
	}
	expired := uuid.NewString()
	b.hold(t, expired, 10, "now() - interval '10 minutes'")
	wantOnly(t, b, walletaudit.CheckExpiredHold, expired)
}
