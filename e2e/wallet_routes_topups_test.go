package e2e

import (
	"net/http"
	"testing"

	"github.com/google/uuid"
)

// TestWalletRoutesTopupsCreateAndCancel: a top-up is created, read and cancelled by its
// owner only; another user finds nothing; bad bodies store nothing.
func TestWalletRoutesTopupsCreateAndCancel(t *testing.T) {
	t.Parallel()
	s := walletStack(t)
	ann, annTok := newUser(t, roleUser)
	bob, bobTok := newUser(t, roleUser)
	_, adminTok := newUser(t, roleAdmin)
	var top, replayed Topup
	body := map[string]any{"amount_cents": 2500, "provider": "stripe"}
	r := s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, body, "Idempotency-Key", "topup-1")
	r.decode(t, http.StatusCreated, &top)
	again := s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, body, "Idempotency-Key", "topup-1")
	if again.decode(t, http.StatusCreated, &replayed); replayed.TopupID != top.TopupID || again.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("a retried top-up made %s after %s", replayed.TopupID, top.TopupID)
	}
	if top.UserID != ann || top.Status != "CREATED" || top.AmountCents != 2500 || top.Currency != "EUR" || top.Provider != "stripe" ||
		r.Header.Get("Location") != "/api/v1/wallet/topups/"+top.TopupID {
		t.Fatalf("created top-up %+v at %q", top, r.Header.Get("Location"))
	}
	one := "/api/v1/wallet/topups/" + top.TopupID
	var got Topup
	s.do(t, http.MethodGet, one, annTok, nil).decode(t, http.StatusOK, &got)
	if got.TopupID != top.TopupID || got.Status != "CREATED" {
		t.Fatalf("GET %s = %+v", one, got)
	}
	s.do(t, http.MethodGet, one, bobTok, nil).problem(t, http.StatusNotFound, SlugNotFound)
	s.do(t, http.MethodPost, one+"/cancel", bobTok, nil).problem(t, http.StatusNotFound, SlugNotFound)
	s.do(t, http.MethodGet, "/api/v1/wallet/topups/"+uuid.NewString(), annTok, nil).problem(t, http.StatusNotFound, SlugNotFound)
	s.do(t, http.MethodGet, "/api/v1/wallet/topups/nope", annTok, nil).invalid(t, "id")
	s.do(t, http.MethodPost, one+"/cancel", annTok, nil).decode(t, http.StatusOK, &got)
	if got.Status != "CANCELLED" {
		t.Fatalf("cancelled top-up is %s", got.Status)
	}
	s.do(t, http.MethodPost, one+"/cancel", annTok, nil).problem(t, http.StatusConflict, SlugConflict)

	for _, body := range []any{
		map[string]any{"amount_cents": -5, "provider": "paypal", "currency": "EURO"},
		map[string]any{"provider": "generic"},
		map[string]any{"amount_cents": 100, "provider": "stripe", "status": "COMPLETED"},
		map[string]any{"amount_cents": 100, "provider": "stripe", "user_id": bob},
		`[1,2]`,
	} {
		if r := s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, body); r.Status < 400 || r.Status >= 500 {
			t.Errorf("top-up %v answered %d, want a 4xx", body, r.Status)
		}
	}
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": -5, "provider": "paypal", "currency": "EURO"}).
		invalid(t, "amount_cents", "currency", "provider")
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", annTok, map[string]any{"amount_cents": 100, "provider": "stripe", "user_id": bob}).
		problem(t, http.StatusForbidden, SlugForbidden)

	var forAnn Topup
	s.do(t, http.MethodPost, "/api/v1/wallet/topups", adminTok, map[string]any{"amount_cents": 700, "provider": "generic", "user_id": ann}).
		decode(t, http.StatusCreated, &forAnn)
	if forAnn.UserID != ann {
		t.Fatalf("an admin's top-up for ann went to %s", forAnn.UserID)
	}
	var first, last Page[Topup]
	s.do(t, http.MethodGet, "/api/v1/wallet/topups?limit=1", annTok, nil).decode(t, http.StatusOK, &first)
	if len(first.Items) != 1 || first.Items[0].TopupID != forAnn.TopupID || first.NextCursor == "" {
		t.Fatalf("first page of ann's top-ups %+v", first)
	}
	s.do(t, http.MethodGet, "/api/v1/wallet/topups?limit=1&cursor="+first.NextCursor, annTok, nil).decode(t, http.StatusOK, &last)
	if len(last.Items) != 1 || last.Items[0].TopupID != top.TopupID || last.NextCursor != "" {
		t.Fatalf("last page of ann's top-ups %+v (bad bodies must store nothing)", last)
	}
	var list Page[Topup]
	s.do(t, http.MethodGet, "/api/v1/wallet/topups", bobTok, nil).decode(t, http.StatusOK, &list)
	if len(list.Items) != 0 {
		t.Fatalf("bob lists %d top-ups", len(list.Items))
	}
}
