package e2e

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/wallet"
	"tickup.dev/services/wallet/walletaudit"
)

// walletStack starts a gateway (with edits to its setup) and the real wallet service beside
// it, and checks the wallet's invariants (docs/architecture.md, "Invariants") when the test ends.
func walletStack(t *testing.T, edits ...func(*setup)) *stack {
	t.Helper()
	s := startStackWith(t, edits, backend{name: wallet.Name, run: wallet.Run})
	wdb := testenv.Open(t, s.serviceDB(t, wallet.Name))
	t.Cleanup(func() {
		found, err := walletaudit.Check(context.Background(), wdb)
		if err != nil {
			t.Errorf("wallet audit: %v", err)
		}
		for _, v := range found {
			t.Errorf("wallet invariant broken: %s", v)
		}
	})
	return s
}

// walletOf answers GET /wallet for the holder of tok.
func (s *stack) walletOf(t *testing.T, tok string) Wallet {
	t.Helper()
	var w Wallet
	s.do(t, http.MethodGet, "/api/v1/wallet", tok, nil).decode(t, http.StatusOK, &w)
	return w
}

// adjust books an admin adjustment of userID's wallet and returns its entry.
func (s *stack) adjust(t *testing.T, adminTok, userID, direction string, cents int64) LedgerEntry {
	t.Helper()
	var e LedgerEntry
	body := map[string]any{"user_id": userID, "direction": direction, "amount_cents": cents, "reason": "test funding"}
	s.do(t, http.MethodPost, "/api/v1/wallet/adjustments", adminTok, body).decode(t, http.StatusCreated, &e)
	return e
}

// ledger returns every entry of the holder of tok, newest first, following next_cursor.
func (s *stack) ledger(t *testing.T, tok, query string) []LedgerEntry {
	t.Helper()
	var all []LedgerEntry
	path := "/api/v1/wallet/ledger?" + query
	for {
		var page struct {
			Items      []LedgerEntry `json:"items"`
			NextCursor string        `json:"next_cursor"`
		}
		s.do(t, http.MethodGet, path, tok, nil).decode(t, http.StatusOK, &page)
		all = append(all, page.Items...)
		if page.NextCursor == "" {
			return all
		}
		path = "/api/v1/wallet/ledger?" + query + "&cursor=" + page.NextCursor
	}
}

// invalid checks a 422 validation problem naming exactly fields.
func (r response) invalid(t *testing.T, fields ...string) {
	t.Helper()
	p := r.problem(t, http.StatusUnprocessableEntity, SlugValidation)
	var got []string
	for _, f := range p.Errors {
		got = append(got, f.Field)
	}
	slices.Sort(got)
	slices.Sort(fields)
	if !slices.Equal(got, fields) {
		t.Fatalf("422 names fields %v, want %v (%s)", got, fields, p.Detail)
	}
}
