package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

func TestAuditIsCleanThenNamesAPlantedViolation(t *testing.T) {
	dsn := testenv.FreshDatabase(t)
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	run := func(args ...string) (int, string) {
		p := testenv.StartProcess(t, "tickup "+args[0], bin, args, "DATABASE_URL="+dsn)
		code, err := p.Wait(60 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return code, p.Output()
	}
	if code, out := run("migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, out)
	}
	if code, out := run("audit"); code != 0 || !strings.Contains(out, "audit clean") {
		t.Fatalf("audit of an empty system: exit %d, want 0 and 'audit clean'\n%s", code, out)
	}

	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	// A balance cache that no ledger entry explains.
	if _, err := sqlDB.Exec(`INSERT INTO wallet.wallet_account (wallet_id, user_id, currency, status, balance_cents)
		VALUES ('0190a7e2-0000-7000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000aa', 'EUR', 'ACTIVE', 500)`); err != nil {
		t.Fatalf("plant violation: %v", err)
	}
	code, out := run("audit")
	if code != 1 || !strings.Contains(out, "VIOLATION wallet") || !strings.Contains(out, "0190a7e2-0000-7000-8000-0000000000aa") {
		t.Fatalf("audit with a drifted balance cache: exit %d, want 1 naming the wallet\n%s", code, out)
	}
}
