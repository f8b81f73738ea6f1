package domain_test

import (
	"errors"
	"testing"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

func TestHoldEndsOnce(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	acct := domain.Account{WalletID: "w", Currency: "EUR"}
	fresh := func() domain.Hold { return domain.NewPurchaseHold("h", acct, "p", "pool", 500, now.Add(time.Minute)) }

	h := fresh()
	if ok, err := h.Capturable(); !ok || err != nil {
		t.Fatalf("an active hold is not capturable: %v", err)
	}
	h.MarkCaptured(7, now)
	if ok, err := h.Capturable(); ok || err != nil {
		t.Fatalf("a captured hold: capturable %v, err %v; want a quiet no-op", ok, err)
	}
	if h.Release("late", now) {
		t.Fatal("a captured hold was released")
	}

	h = fresh()
	if !h.Release("purchase failed", now) || h.Release("again", now) {
		t.Fatal("release must succeed once and then be a no-op")
	}
	if _, err := h.Capturable(); !errors.Is(err, domain.ErrState) {
		t.Fatalf("a released hold is capturable: %v", err)
	}
	refused := domain.NewRefusedHold("r", acct, "p2", "pool", 500, "EUR", "rejected", now)
	if _, err := refused.Capturable(); !errors.Is(err, domain.ErrState) {
		t.Fatalf("a refused hold is capturable: %v", err)
	}
}

func TestConfirmStopsExpiry(t *testing.T) {
	t.Parallel()
	now := time.Now()
	h := domain.NewPurchaseHold("h", domain.Account{WalletID: "w", Currency: "EUR"}, "p", "", 1, now)
	if !h.Confirm(now) || h.ExpiresAt != nil || h.Confirm(now) {
		t.Fatalf("confirm: %+v", h)
	}
}
