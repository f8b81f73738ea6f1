package validate

import (
	"errors"
	"testing"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

func TestChecker(t *testing.T) {
	t.Parallel()
	var c Checker
	if c.Err() != nil {
		t.Fatal("an empty checker fails")
	}
	c.UUID("pool_id", "0190a7e2-0000-7000-8000-000000000001")
	c.PositiveCents("amount_cents", 500)
	c.Currency("currency", "EUR")
	c.OneOf("type", "ENTRY", "ENTRY", "BOOST")
	c.Email("email", "ann@example.com")
	if err := c.Err(); err != nil {
		t.Fatalf("valid values refused: %v", err)
	}
	c.UUID("pool_id", "0190a7e2")
	c.PositiveCents("amount_cents", 0)
	c.Currency("currency", "eur")
	c.OneOf("type", "GIFT", "ENTRY", "BOOST")
	c.Email("email", "Ann <ann@example.com>")
	c.Required("name", "  ")
	var perr *problem.Error
	if err := c.Err(); !errors.As(err, &perr) || perr.Kind != problem.KindInvalid || len(perr.Fields) != 6 {
		t.Fatalf("err = %v, want a 422 naming 6 fields", err)
	}
}

func TestIsCurrency(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]bool{"EUR": true, "USD": true, "JPY": true, "eur": false, "EU": false,
		"EURO": false, "ZZZ": false, "XXX": false, "": false} {
		if got := IsCurrency(code); got != want {
			t.Errorf("IsCurrency(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestActingUserAndMatches(t *testing.T) {
	t.Parallel()
	const ann, bob = "0190a7e2-0000-7000-8000-00000000000a", "0190a7e2-0000-7000-8000-00000000000b"
	upperBob := "0190A7E2-0000-7000-8000-00000000000B"
	user := auth.Identity{UserID: ann, Role: auth.RoleUser}
	admin := auth.Identity{UserID: ann, Role: auth.RoleAdmin}
	tests := []struct {
		caller auth.Identity
		body   *string
		want   string
		kind   problem.Kind // of the error, when one is expected
	}{
		{user, nil, ann, 0},
		{user, ptr(ann), ann, 0},
		{user, ptr(bob), "", problem.KindForbidden},
		{user, ptr("bob"), "", problem.KindInvalid},
		{admin, &upperBob, bob, 0},
	}
	for _, tc := range tests {
		got, err := ActingUser(tc.caller, tc.body)
		if tc.kind != 0 {
			if problem.KindOf(err) != tc.kind {
				t.Errorf("ActingUser(%v, %v): err %v, want kind %v", tc.caller.Role, tc.body, err, tc.kind)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ActingUser(%v, %v) = %q, %v; want %q", tc.caller.Role, tc.body, got, err, tc.want)
		}
	}
	if Matches("amount_cents", nil, int64(500)) != nil || Matches("amount_cents", ptr(int64(500)), 500) != nil {
		t.Error("an absent or equal value was refused")
	}
	if problem.KindOf(Matches("amount_cents", ptr(int64(400)), 500)) != problem.KindInvalid {
		t.Error("a differing value was accepted")
	}
}

func ptr[T any](v T) *T { return &v }
