package e2e

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/api/api"
)

// token mints an HS256 token of role (roleUser, roleAdmin, roleService) for user, as
// `tickup token` does.
func token(t testing.TB, role, userID string) string {
	t.Helper()
	tok, err := api.MintToken(testSecret, userID, userID[:8]+"@example.com", role, 2*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// newUser returns a fresh user id and its token.
func newUser(t *testing.T, role string) (string, string) {
	t.Helper()
	id := uuid.NewString()
	return id, token(t, role, id)
}
