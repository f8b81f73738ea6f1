package api

import (
	"testing"
	"time"
)

func TestMintTokenRoles(t *testing.T) {
	t.Parallel()
	const user = "0190a7e2-0000-7000-8000-000000000001"
	for _, role := range []string{TokenRoleUser, TokenRoleAdmin, TokenRoleService} {
		if _, err := MintToken(testSecret, user, "", role, time.Minute); err != nil {
			t.Errorf("%s: %v", role, err)
		}
	}
	if _, err := MintToken(testSecret, user, "", "root", time.Minute); err == nil {
		t.Error("an unknown role was minted")
	}
}
