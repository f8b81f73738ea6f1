package e2e

import (
	"net/http"
	"testing"
)

// withdraw requests a withdrawal of cents for the holder of tok.
func (s *stack) withdraw(t *testing.T, tok string, cents int64) response {
	t.Helper()
	return s.do(t, http.MethodPost, "/api/v1/wallet/withdrawals", tok,
		map[string]any{"amount_cents": cents, "provider": "stripe", "destination": "IBAN DE89 3704 0044 0532 0130 00"})
}

// withdrawals lists withdrawals with query as the holder of tok.
func (s *stack) withdrawals(t *testing.T, tok, query string) []Withdrawal {
	t.Helper()
	var list Page[Withdrawal]
	s.do(t, http.MethodGet, "/api/v1/wallet/withdrawals?"+query, tok, nil).decode(t, http.StatusOK, &list)
	return list.Items
}

// TestWalletRoutesWithdrawalApprovedByAdmin: limits refuse, a request holds the amount, its
// owner alone sees it, an admin lists and approves it.
func TestWalletRoutesWithdrawalApprovedByAdmin(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	_, bobTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	s.adjust(t, adminTok, ann, "CREDIT", 20_000)
	s.withdraw(t, annTok, 500).problem(t, http.StatusUnprocessableEntity, "limit-exceeded")       // under the 10.00 minimum
	s.withdraw(t, annTok, 150_000).problem(t, http.StatusUnprocessableEntity, "limit-exceeded")   // over the daily 1,000.00
	s.withdraw(t, bobTok, 5_000).problem(t, http.StatusUnprocessableEntity, "insufficient-funds") // bob has nothing
	s.do(t, http.MethodPost, "/api/v1/wallet/withdrawals", annTok, map[string]any{"amount_cents": 0, "provider": "bank"}).
		invalid(t, "amount_cents", "destination", "provider")
	var w Withdrawal
	r := s.withdraw(t, annTok, 5_000)
	r.decode(t, http.StatusCreated, &w)
	if w.Status != "REQUESTED" || w.UserID != ann || w.HoldID == "" || r.Header.Get("Location") != "/api/v1/wallet/withdrawals/"+w.WithdrawalID {
		t.Fatalf("requested %+v at %q", w, r.Header.Get("Location"))
	}
	if got := s.walletOf(t, annTok); got.HeldCents != 5_000 || got.AvailableCents != 15_000 || len(got.Holds) != 1 {
		t.Fatalf("wallet while the withdrawal is requested: %+v", got)
	}
	one := "/api/v1/wallet/withdrawals/" + w.WithdrawalID
	s.do(t, http.MethodGet, one, bobTok, nil).problem(t, http.StatusNotFound, SlugNotFound)
	s.do(t, http.MethodPost, one+"/cancel", bobTok, nil).problem(t, http.StatusNotFound, SlugNotFound)
	s.do(t, http.MethodPost, one+"/approve", annTok, map[string]string{}).problem(t, http.StatusForbidden, SlugForbidden)
	s.do(t, http.MethodGet, "/api/v1/wallet/withdrawals?all=true", annTok, nil).problem(t, http.StatusForbidden, SlugForbidden)
	s.do(t, http.MethodGet, "/api/v1/wallet/withdrawals?user_id="+ann, bobTok, nil).problem(t, http.StatusForbidden, SlugForbidden)
	s.do(t, http.MethodGet, "/api/v1/wallet/withdrawals?status=DONE&all=yes", adminTok, nil).invalid(t, "all", "status")
	if got := s.withdrawals(t, bobTok, ""); len(got) != 0 {
		t.Fatalf("bob lists %d withdrawals", len(got))
	}
	for who, query := range map[string]string{annTok: "", adminTok: "all=true&status=REQUESTED"} {
		if got := s.withdrawals(t, who, query); len(got) != 1 || got[0].WithdrawalID != w.WithdrawalID {
			t.Fatalf("withdrawals?%s: %+v", query, got)
		}
	}
	if got := s.withdrawals(t, adminTok, "user_id="+ann); len(got) != 1 {
		t.Fatalf("admin's list of ann's withdrawals: %+v", got)
	}
	s.do(t, http.MethodGet, one, adminTok, nil).decode(t, http.StatusOK, &w)
	s.do(t, http.MethodPost, one+"/approve", adminTok, map[string]string{"reason": "KYC done"}).decode(t, http.StatusOK, &w)
	if w.Status != "PROCESSING" || w.EntryID == nil {
		t.Fatalf("approved withdrawal %+v", w)
	}
	s.do(t, http.MethodPost, one+"/approve", adminTok, map[string]string{}).problem(t, http.StatusConflict, SlugConflict)
	s.do(t, http.MethodPost, one+"/cancel", annTok, nil).problem(t, http.StatusConflict, SlugConflict)
	entries := s.ledger(t, annTok, "reason=WITHDRAWAL")
	if len(entries) != 1 || entries[0].Status != "PENDING" || entries[0].Direction != "DEBIT" || entries[0].AmountCents != 5_000 {
		t.Fatalf("withdrawal entries %+v", entries)
	}
}

// TestWalletRoutesWithdrawalRejectedCancelledSuspended covers reject (reason required),
// cancel by the owner, and a suspended wallet's refused withdrawal.
func TestWalletRoutesWithdrawalRejectedCancelledSuspended(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	s.adjust(t, adminTok, ann, "CREDIT", 10_000)
	var first, second Withdrawal
	s.withdraw(t, annTok, 2_000).decode(t, http.StatusCreated, &first)
	s.withdraw(t, annTok, 3_000).decode(t, http.StatusCreated, &second)
	reject := "/api/v1/wallet/withdrawals/" + first.WithdrawalID + "/reject"
	s.do(t, http.MethodPost, reject, adminTok, map[string]string{}).invalid(t, "reason")
	s.do(t, http.MethodPost, reject, adminTok, map[string]string{"reason": "destination unverified"}).decode(t, http.StatusOK, &first)
	if first.Status != "REJECTED" || first.DecisionReason != "destination unverified" {
		t.Fatalf("rejected withdrawal %+v", first)
	}
	s.do(t, http.MethodPost, "/api/v1/wallet/withdrawals/"+second.WithdrawalID+"/cancel", annTok, nil).decode(t, http.StatusOK, &second)
	if second.Status != "CANCELLED" {
		t.Fatalf("cancelled withdrawal is %s", second.Status)
	}
	if w := s.walletOf(t, annTok); w.HeldCents != 0 || w.AvailableCents != 10_000 {
		t.Fatalf("holds not released: %+v", w)
	}
	suspend := "/api/v1/wallet/accounts/" + ann + "/suspend"
	s.do(t, http.MethodPost, suspend, annTok, map[string]string{"reason": "x"}).problem(t, http.StatusForbidden, SlugForbidden)
	s.do(t, http.MethodPost, suspend, adminTok, map[string]string{}).invalid(t, "reason")
	var w Wallet
	s.do(t, http.MethodPost, suspend, adminTok, map[string]string{"reason": "chargeback"}).decode(t, http.StatusOK, &w)
	if w.Status != "SUSPENDED" || w.UserID != ann {
		t.Fatalf("suspended wallet %+v", w)
	}
	s.withdraw(t, annTok, 2_000).problem(t, http.StatusConflict, "wallet-suspended")
	s.do(t, http.MethodPost, "/api/v1/wallet/accounts/"+ann+"/activate", adminTok, map[string]string{}).decode(t, http.StatusOK, &w)
	if w.Status != "ACTIVE" {
		t.Fatalf("re-activated wallet is %s", w.Status)
	}
	s.withdraw(t, annTok, 2_000).decode(t, http.StatusCreated, &first)
}
