package e2e

import (
	"fmt"
	"net/http"
	"testing"
)

// TestWalletRoutesBalanceAdjustmentAndReversal: a wallet is created empty on first use; an
// admin adjustment credits it and its reversal takes the credit back; users may do neither.
func TestWalletRoutesBalanceAdjustmentAndReversal(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	w := s.walletOf(t, annTok)
	if w.UserID != ann || w.Status != "ACTIVE" || w.Currency != "EUR" || w.BalanceCents != 0 || w.HeldCents != 0 ||
		w.AvailableCents != 0 || len(w.Holds) != 0 || w.WalletID == "" {
		t.Fatalf("first GET /wallet = %+v, want an empty ACTIVE EUR wallet", w)
	}
	if again := s.walletOf(t, annTok); again.WalletID != w.WalletID {
		t.Fatalf("second GET /wallet made wallet %s, first %s", again.WalletID, w.WalletID)
	}
	credit := map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": 5000, "reason": "goodwill"}
	s.do(t, http.MethodPost, "/api/v1/wallet/adjustments", annTok, credit).problem(t, http.StatusForbidden, SlugForbidden)
	e := s.adjust(t, adminTok, ann, "CREDIT", 5000)
	if e.Direction != "CREDIT" || e.Reason != "ADJUSTMENT" || e.Status != "POSTED" || e.AmountCents != 5000 || e.Note != "test funding" {
		t.Fatalf("adjustment entry %+v", e)
	}
	if w := s.walletOf(t, annTok); w.BalanceCents != 5000 || w.AvailableCents != 5000 {
		t.Fatalf("after a 50.00 credit: %+v", w)
	}
	reverse := fmt.Sprintf("/api/v1/wallet/entries/%d/reverse", e.EntryID)
	s.do(t, http.MethodPost, reverse, annTok, map[string]string{"reason": "mine"}).problem(t, http.StatusForbidden, SlugForbidden)
	s.do(t, http.MethodPost, reverse, adminTok, map[string]string{}).invalid(t, "reason")
	s.do(t, http.MethodPost, "/api/v1/wallet/entries/abc/reverse", adminTok, map[string]string{"reason": "x"}).invalid(t, "id")
	s.do(t, http.MethodPost, "/api/v1/wallet/entries/999999/reverse", adminTok, map[string]string{"reason": "x"}).
		problem(t, http.StatusNotFound, SlugNotFound)
	var reversed struct {
		Status         string `json:"status"`
		ReversalReason string `json:"reversal_reason"`
	}
	s.do(t, http.MethodPost, reverse, adminTok, map[string]string{"reason": "booked twice"}).decode(t, http.StatusOK, &reversed)
	if reversed.Status != "REVERSED" || reversed.ReversalReason != "booked twice" {
		t.Fatalf("reversed entry %+v", reversed)
	}
	s.do(t, http.MethodPost, reverse, adminTok, map[string]string{"reason": "again"}).problem(t, http.StatusConflict, SlugConflict)
	if w := s.walletOf(t, annTok); w.BalanceCents != 0 || w.AvailableCents != 0 {
		t.Fatalf("after the reversal: %+v", w)
	}
}

// TestWalletRoutesRefuseBadAdjustments: every bad body is a 400 or a 422 naming its fields,
// and books nothing.
func TestWalletRoutesRefuseBadAdjustments(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	const path = "/api/v1/wallet/adjustments"
	tests := []struct {
		name   string
		body   any
		fields []string // nil: not a validation problem
		status int
		slug   string
	}{
		{"no reason", map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": 100}, []string{"reason"}, 0, ""},
		{"blank reason", map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": 100, "reason": "  "}, []string{"reason"}, 0, ""},
		{"bad direction, zero cents, bad currency", map[string]any{"user_id": ann, "direction": "UP", "amount_cents": 0,
			"reason": "x", "currency": "eur"}, []string{"amount_cents", "currency", "direction"}, 0, ""},
		{"negative cents, no user", map[string]any{"direction": "DEBIT", "amount_cents": -5, "reason": "x"},
			[]string{"amount_cents", "user_id"}, 0, ""},
		{"user not a UUID", map[string]any{"user_id": "ann", "direction": "CREDIT", "amount_cents": 1, "reason": "x"}, []string{"user_id"}, 0, ""},
		{"cents as a string", map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": "100", "reason": "x"},
			[]string{"amount_cents"}, 0, ""},
		{"fractional cents", `{"user_id":"` + ann + `","direction":"CREDIT","amount_cents":1.5,"reason":"x"}`, []string{"amount_cents"}, 0, ""},
		{"unknown field", map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": 1, "reason": "x", "status": "POSTED"},
			nil, http.StatusUnprocessableEntity, SlugUnknownField},
		{"malformed JSON", `{"user_id":`, nil, http.StatusBadRequest, SlugMalformedJSON},
		{"empty body", "", nil, http.StatusBadRequest, SlugMalformedJSON},
		{"currency of another wallet", map[string]any{"user_id": ann, "direction": "CREDIT", "amount_cents": 1, "reason": "x",
			"currency": "USD"}, nil, http.StatusUnprocessableEntity, "currency-mismatch"},
	}
	s.walletOf(t, annTok) // the wallet exists, in EUR
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, http.MethodPost, path, adminTok, tc.body)
			if tc.fields != nil {
				r.invalid(t, tc.fields...)
				return
			}
			r.problem(t, tc.status, tc.slug)
		})
	}
	if got := s.ledger(t, annTok, ""); len(got) != 0 {
		t.Fatalf("bad adjustments booked %d entries: %+v", len(got), got)
	}
}

// TestWalletRoutesLedgerPages pages through the ledger with next_cursor and filters it.
func TestWalletRoutesLedgerPages(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	_, bobTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	for i := range 5 {
		s.adjust(t, adminTok, ann, "CREDIT", int64(100*(i+1)))
	}
	var page struct {
		Items      []map[string]any `json:"items"`
		NextCursor string           `json:"next_cursor"`
	}
	s.do(t, http.MethodGet, "/api/v1/wallet/ledger?limit=2", annTok, nil).decode(t, http.StatusOK, &page)
	if len(page.Items) != 2 || page.NextCursor == "" || page.Items[0]["amount_cents"] != float64(500) {
		t.Fatalf("first page %+v", page)
	}
	all := s.ledger(t, annTok, "limit=2")
	if len(all) != 5 || all[0].AmountCents != 500 || all[4].AmountCents != 100 {
		t.Fatalf("paged ledger %+v, want 5 entries newest first", all)
	}
	if got := s.ledger(t, annTok, "reason=ADJUSTMENT&limit=3"); len(got) != 5 {
		t.Fatalf("ADJUSTMENT entries: %d, want 5", len(got))
	}
	if got := s.ledger(t, annTok, "reason=TOPUP"); len(got) != 0 {
		t.Fatalf("TOPUP entries: %+v, want none", got)
	}
	if got := s.ledger(t, bobTok, ""); len(got) != 0 {
		t.Fatalf("bob sees %d of ann's entries", len(got))
	}
	for query, field := range map[string]string{"reason=GIFT": "reason", "reason=adjustment": "reason", "limit=0": "limit",
		"limit=201": "limit", "cursor=%21%21": "cursor", "cursor=bm90anNvbg": "cursor", "cursor=eyJ3IjoiYWJjIn0": "cursor"} {
		s.do(t, http.MethodGet, "/api/v1/wallet/ledger?"+query, annTok, nil).invalid(t, field)
	}
}
