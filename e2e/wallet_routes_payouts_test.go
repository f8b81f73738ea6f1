package e2e

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// maxCents is the largest amount in cents any route or webhook accepts (10^11).
const maxCents = 100_000_000_000

// withdrawFor has the holder of tok request a withdrawal of cents from userID's wallet.
func (s *stack) withdrawFor(t *testing.T, tok, userID string, cents int64) response {
	t.Helper()
	return s.do(t, http.MethodPost, "/api/v1/wallet/withdrawals", tok, map[string]any{"user_id": userID,
		"amount_cents": cents, "provider": "generic", "destination": "IBAN of whoever asked"})
}

// TestAnAdminCannotApproveAWithdrawalTheyRequested: an admin (or a service) may ask for a
// withdrawal on a user's behalf, but it records who asked, and only another admin — neither
// the one who asked nor the wallet's owner — may approve it.
func TestAnAdminCannotApproveAWithdrawalTheyRequested(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	alice, aliceTok := newUser(t, roleAdmin)
	bob, bobTok := newUser(t, roleAdmin)
	s.adjust(t, aliceTok, ann, "CREDIT", 20_000)
	s.adjust(t, bobTok, alice, "CREDIT", 20_000)
	approve := func(tok string, w Withdrawal) response {
		return s.do(t, http.MethodPost, "/api/v1/wallet/withdrawals/"+w.WithdrawalID+"/approve", tok, map[string]string{})
	}

	var forAnn Withdrawal
	s.withdrawFor(t, aliceTok, ann, 5_000).decode(t, http.StatusCreated, &forAnn)
	if forAnn.UserID != ann || forAnn.RequestedBy != alice {
		t.Fatalf("alice's withdrawal from ann's wallet: %+v, want requested_by alice", forAnn)
	}
	approve(aliceTok, forAnn).problem(t, http.StatusForbidden, "second-approver-required")
	approve(annTok, forAnn).problem(t, http.StatusForbidden, SlugForbidden)
	var approved Withdrawal
	approve(bobTok, forAnn).decode(t, http.StatusOK, &approved)
	if approved.Status != "PROCESSING" || approved.DecidedBy != bob || approved.RequestedBy != alice {
		t.Fatalf("approved by bob: %+v", approved)
	}

	var own, onBehalf Withdrawal
	s.withdraw(t, aliceTok, 2_000).decode(t, http.StatusCreated, &own)
	if own.RequestedBy != alice {
		t.Fatalf("alice's own withdrawal: requested_by %q", own.RequestedBy)
	}
	approve(aliceTok, own).problem(t, http.StatusForbidden, "second-approver-required")
	s.withdrawFor(t, bobTok, alice, 3_000).decode(t, http.StatusCreated, &onBehalf)
	approve(aliceTok, onBehalf).problem(t, http.StatusForbidden, "second-approver-required")
	approve(bobTok, onBehalf).problem(t, http.StatusForbidden, "second-approver-required")
	if w := s.walletOf(t, aliceTok); w.HeldCents != 5_000 || w.BalanceCents != 20_000 {
		t.Fatalf("alice's wallet after refused approvals: %+v, want both requests still held", w)
	}
	svc, svcTok := newUser(t, roleService)
	var bySvc Withdrawal
	s.withdrawFor(t, svcTok, ann, 1_000).decode(t, http.StatusCreated, &bySvc)
	if bySvc.RequestedBy != "service:"+svc {
		t.Fatalf("a service's withdrawal from ann's wallet: requested_by %q", bySvc.RequestedBy)
	}
	approve(svcTok, bySvc).problem(t, http.StatusForbidden, SlugForbidden)
	approve(bobTok, bySvc).decode(t, http.StatusOK, &approved)
	var mine Withdrawal
	s.withdraw(t, annTok, 1_000).decode(t, http.StatusCreated, &mine)
	if mine.RequestedBy != ann {
		t.Fatalf("ann's own withdrawal: requested_by %q", mine.RequestedBy)
	}
	approve(aliceTok, mine).decode(t, http.StatusOK, &approved)
}

// TestAmountsAreBoundedAtTheEdge: every amount a route or a webhook takes is 1 to 10^11
// cents; above that the answer is a 422 naming the field, and nothing is stored.
func TestAmountsAreBoundedAtTheEdge(t *testing.T) {
	t.Parallel()
	s := walletStack(t, raffleSetup)
	ann, annTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	over := int64(maxCents + 1)
	routes := []struct {
		path, tok string
		body      map[string]any
	}{
		{"/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": over, "provider": "stripe"}},
		{"/api/v1/wallet/withdrawals", annTok, map[string]any{"amount_cents": over, "provider": "stripe", "destination": "x"}},
		{"/api/v1/wallet/adjustments", adminTok, map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": over, "reason": "r"}},
		{"/api/v1/wallet/adjustments", adminTok, map[string]any{"user_id": ann, "direction": "DEBIT", "amount_cents": int64(1) << 62, "reason": "r"}},
	}
	for _, r := range routes {
		s.do(t, http.MethodPost, r.path, r.tok, r.body).invalid(t, "amount_cents")
	}
	var top Topup
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": maxCents, "provider": "generic"}).
		decode(t, http.StatusCreated, &top)
	if w := s.walletOf(t, annTok); w.BalanceCents != 0 || len(s.ledger(t, annTok, "")) != 0 {
		t.Fatalf("refused amounts changed the wallet: %+v", w)
	}

	hooks := &raffle{gateway: s.gateway, client: newRaffleClient()}
	generic := signedGeneric(t, "evt_huge", "payment.succeeded", map[string]any{"topup_id": top.TopupID,
		"provider_txn_id": "txn_huge", "amount_cents": over, "currency": "EUR"}, raffleGenericSecret, time.Now())
	hooks.deliver(t, generic, http.StatusUnprocessableEntity)
	stripe := signedStripe(stripeEvent("evt_huge_stripe", "payment_intent.succeeded", "pi_huge", over,
		map[string]string{"topup_id": top.TopupID}), raffleStripeSecret, time.Now())
	hooks.deliver(t, stripe, http.StatusUnprocessableEntity)
	if n := s.count(t, `SELECT count(*) FROM webhook_receipt`); n != 0 {
		t.Fatalf("%d receipts stored for refused webhooks", n)
	}
}

// TestSuccessForACancelledTopUpIsNeverDropped: a top-up cancelled by its owner and then
// collected by the provider is credited, through the real webhook.
func TestSuccessForACancelledTopUpIsNeverDropped(t *testing.T) {
	t.Parallel()
	s := walletStack(t, raffleSetup)
	_, annTok := newUser(t, roleUser)
	var top Topup
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": 2_500, "provider": "generic"}).
		decode(t, http.StatusCreated, &top)
	s.do(t, http.MethodPost, "/api/v1/wallet/topups/"+top.TopupID+"/cancel", annTok, nil).decode(t, http.StatusOK, &top)
	hooks := &raffle{gateway: s.gateway, client: newRaffleClient()}
	hooks.deliver(t, signedGeneric(t, "evt_late", "payment.succeeded", map[string]any{"topup_id": top.TopupID,
		"provider_txn_id": "txn_late", "amount_cents": 2_500, "currency": "EUR"}, raffleGenericSecret, time.Now()), http.StatusOK)
	waitBalance(t, s, annTok, 2_500)
}

// TestTopUpWebhookMustMatchProviderAmountAndCurrency: a success reported by another
// provider than the top-up's is not credited; an admin finds it among the unmatched
// payments and resolves it; the top-up's own provider then completes it.
func TestTopUpWebhookMustMatchProviderAmountAndCurrency(t *testing.T) {
	t.Parallel()
	s := walletStack(t, raffleSetup)
	_, annTok := newUser(t, roleUser)
	admin, adminTok := newUser(t, roleAdmin)
	var top Topup
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": 2_500, "provider": "stripe"}).
		decode(t, http.StatusCreated, &top)
	hooks := &raffle{gateway: s.gateway, client: newRaffleClient()}
	hooks.deliver(t, signedGeneric(t, "evt_wrong_provider", "payment.succeeded", map[string]any{"topup_id": top.TopupID,
		"provider_txn_id": "txn_generic", "amount_cents": 2_500, "currency": "EUR"}, raffleGenericSecret, time.Now()), http.StatusOK)

	var open []UnmatchedPayment
	testenv.WaitFor(t, 60*time.Second, "the unmatched payment listed", func() error {
		open = s.unmatched(t, adminTok, "status=OPEN")
		if len(open) != 1 {
			return fmt.Errorf("%d open unmatched payments", len(open))
		}
		return nil
	})
	u := open[0]
	if u.Kind != "TOPUP" || u.RefID != top.TopupID || u.Provider != "generic" || u.ProviderTxnID != "txn_generic" ||
		u.AmountCents != 2_500 || u.Currency != "EUR" || u.Reason == "" {
		t.Fatalf("unmatched payment %+v", u)
	}
	s.do(t, http.MethodGet, "/api/v1/wallet/unmatched-payments", annTok, nil).problem(t, http.StatusForbidden, SlugForbidden)
	resolve := "/api/v1/wallet/unmatched-payments/" + u.UnmatchedID + "/resolve"
	s.do(t, http.MethodPost, resolve, adminTok, map[string]string{}).invalid(t, "resolution")
	s.do(t, http.MethodPost, resolve, adminTok, map[string]string{"resolution": "refunded at the provider"}).decode(t, http.StatusOK, &u)
	if u.Status != "RESOLVED" || u.ResolvedBy != admin || u.Resolution != "refunded at the provider" || u.ResolvedAt == nil {
		t.Fatalf("resolved %+v", u)
	}
	s.do(t, http.MethodPost, resolve, adminTok, map[string]string{"resolution": "again"}).problem(t, http.StatusConflict, SlugConflict)
	if w := s.walletOf(t, annTok); w.BalanceCents != 0 {
		t.Fatalf("another provider's success credited %d", w.BalanceCents)
	}

	hooks.deliver(t, signedStripe(stripeEvent("evt_right", "payment_intent.succeeded", "pi_right", 2_500,
		map[string]string{"topup_id": top.TopupID}), raffleStripeSecret, time.Now()), http.StatusOK)
	waitBalance(t, s, annTok, 2_500)
	if got := s.unmatched(t, adminTok, "status=OPEN"); len(got) != 0 {
		t.Fatalf("a matching success was recorded as unmatched: %+v", got)
	}
}

// unmatched lists the unmatched payments (admin) with query.
func (s *stack) unmatched(t *testing.T, tok, query string) []UnmatchedPayment {
	t.Helper()
	var page struct {
		Items []UnmatchedPayment `json:"items"`
	}
	s.do(t, http.MethodGet, "/api/v1/wallet/unmatched-payments?"+query, tok, nil).decode(t, http.StatusOK, &page)
	return page.Items
}

// waitBalance waits until the wallet of the holder of tok has cents.
func waitBalance(t *testing.T, s *stack, tok string, cents int64) {
	t.Helper()
	testenv.WaitFor(t, 60*time.Second, "balance "+strconv.FormatInt(cents, 10), func() error {
		if w := s.walletOf(t, tok); w.BalanceCents != cents {
			return fmt.Errorf("balance %d", w.BalanceCents)
		}
		return nil
	})
}
