package domain_test

import (
	"errors"
	"testing"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

func entry(reason, direction, status string, amount int64) domain.Entry {
	at := time.Now()
	e := domain.Entry{EntryID: 1, Reason: reason, Direction: direction, Status: status, AmountCents: amount, RefPurchaseID: "p"}
	if status != domain.EntryPending {
		e.PostedAt = &at
	}
	return e
}

func TestPurchaseMoneyGivesBackAtMostWhatWasTaken(t *testing.T) {
	t.Parallel()
	capture := entry(domain.ReasonTicketPurchase, domain.Debit, domain.EntryPosted, 400)
	reversedCapture := entry(domain.ReasonTicketPurchase, domain.Debit, domain.EntryReversed, 400)
	refund := entry(domain.ReasonRefund, domain.Credit, domain.EntryPosted, 400)
	reversedRefund := entry(domain.ReasonRefund, domain.Credit, domain.EntryReversed, 400)
	tests := []struct {
		name        string
		entries     []domain.Entry
		refundable  int64
		reverseOK   bool // may the capture be reversed now
		taken, back int64
	}{
		{"captured", []domain.Entry{capture}, 400, true, 400, 0},
		{"capture reversed", []domain.Entry{reversedCapture}, 0, false, 400, 400},
		{"refunded", []domain.Entry{capture, refund}, 0, false, 400, 400},
		{"refund taken back", []domain.Entry{capture, reversedRefund}, 400, true, 400, 0},
		{"card paid, nothing in the ledger", nil, 400, false, 0, 0},
		{"card paid and refunded", []domain.Entry{refund}, 0, false, 0, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := domain.MoneyOf("p", tt.entries)
			if m.Taken != tt.taken || m.GivenBack != tt.back || m.Refundable(400) != tt.refundable {
				t.Fatalf("%+v refundable %d; want taken %d, back %d, refundable %d", m, m.Refundable(400), tt.taken, tt.back, tt.refundable)
			}
			if err := m.CanReverseCapture(400); (err == nil) != tt.reverseOK || (err != nil && !errors.Is(err, domain.ErrState)) {
				t.Fatalf("CanReverseCapture = %v, want ok=%v", err, tt.reverseOK)
			}
		})
	}
}

func TestCanReverse(t *testing.T) {
	t.Parallel()
	acct := domain.Account{WalletID: "w", BalanceCents: 1000, HeldCents: 700}
	captured := domain.MoneyOf("p", []domain.Entry{entry(domain.ReasonTicketPurchase, domain.Debit, domain.EntryPosted, 400)})
	tests := []struct {
		name  string
		e     domain.Entry
		money domain.PurchaseMoney
		want  error
	}{
		{"a credit the free 300 covers", entry(domain.ReasonTopup, domain.Credit, domain.EntryPosted, 300), domain.PurchaseMoney{}, nil},
		{"a credit the holds need", entry(domain.ReasonTopup, domain.Credit, domain.EntryPosted, 301), domain.PurchaseMoney{}, domain.ErrInsufficientFunds},
		{"a refund the holds need", entry(domain.ReasonRefund, domain.Credit, domain.EntryPosted, 400), captured, domain.ErrInsufficientFunds},
		{"a debit adjustment", entry(domain.ReasonAdjustment, domain.Debit, domain.EntryPosted, 5000), domain.PurchaseMoney{}, nil},
		{"a capture not given back", entry(domain.ReasonTicketPurchase, domain.Debit, domain.EntryPosted, 400), captured, nil},
		{"a capture refunded", entry(domain.ReasonTicketPurchase, domain.Debit, domain.EntryPosted, 400),
			domain.PurchaseMoney{Taken: 400, GivenBack: 400}, domain.ErrState},
		{"a withdrawal in flight", entry(domain.ReasonWithdrawal, domain.Debit, domain.EntryPending, 100), domain.PurchaseMoney{}, domain.ErrState},
		{"a withdrawal paid out", entry(domain.ReasonWithdrawal, domain.Debit, domain.EntryPosted, 100), domain.PurchaseMoney{}, domain.ErrState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := domain.CanReverse(acct, tt.e, tt.money)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("CanReverse = %v, want %v", err, tt.want)
			}
		})
	}
}
