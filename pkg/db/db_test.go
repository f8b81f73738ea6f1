package db_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

func migrationSet(t *testing.T) db.MigrationSet {
	t.Helper()
	return db.MigrationSet{Component: "service", FS: os.DirFS("testdata/migrations")}
}

func TestMigrateRacingMigratorsLeaveOneVersion(t *testing.T) {
	dsn := testenv.FreshDatabase(t)
	ctx := context.Background()
	const racers = 4
	var wg sync.WaitGroup
	errs := make([]error, racers)
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sqlDB, err := db.OpenSQL(ctx, dsn)
			if err != nil {
				errs[i] = err
				return
			}
			defer sqlDB.Close()
			errs[i] = db.Migrate(ctx, sqlDB, "racing", migrationSet(t))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("migrator %d: %v", i, err)
		}
	}
	sqlDB, err := db.OpenSQL(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	var rows, maxVersion int
	if err := sqlDB.QueryRow(`SELECT count(*), max(version) FROM racing.schema_migrations`).Scan(&rows, &maxVersion); err != nil {
		t.Fatal(err)
	}
	if rows != 2 || maxVersion != 2 {
		t.Fatalf("schema_migrations has %d rows up to version %d, want 2 rows up to 2", rows, maxVersion)
	}
	if _, err := sqlDB.Exec(`INSERT INTO racing.widget (widget_id, name, size_cents) VALUES (gen_random_uuid(), 'w', 5)`); err != nil {
		t.Fatalf("migrated table unusable: %v", err)
	}
}

func TestMigrateRejectsBadFileNames(t *testing.T) {
	dsn := testenv.Database(t)
	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	tests := map[string]fstest.MapFS{
		"no version":        {"create.sql": {Data: []byte("SELECT 1")}},
		"duplicate version": {"0001_a.sql": {Data: []byte("SELECT 1")}, "01_b.sql": {Data: []byte("SELECT 1")}},
	}
	for name, fsys := range tests {
		t.Run(name, func(t *testing.T) {
			err := db.Migrate(context.Background(), sqlDB, "badnames", db.MigrationSet{Component: "service", FS: fsys})
			if err == nil {
				t.Fatal("Migrate accepted badly named migration files")
			}
		})
	}
}

func TestMigrateFailedFileLeavesNoTrace(t *testing.T) {
	dsn := testenv.Database(t)
	ctx := context.Background()
	sqlDB, err := db.OpenSQL(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	fsys := fstest.MapFS{
		"0001_ok.sql":     {Data: []byte("CREATE TABLE thing (id int PRIMARY KEY)")},
		"0002_broken.sql": {Data: []byte("CREATE TABLE other (id int); SELECT no_such_column FROM thing")},
	}
	err = db.Migrate(ctx, sqlDB, "failing", db.MigrationSet{Component: "service", FS: fsys})
	if err == nil || !strings.Contains(err.Error(), "0002_broken") {
		t.Fatalf("want an error naming 0002_broken, got %v", err)
	}
	var version int
	if err := sqlDB.QueryRow(`SELECT max(version) FROM failing.schema_migrations`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	var otherExists bool
	_ = sqlDB.QueryRow(`SELECT to_regclass('failing.other') IS NOT NULL`).Scan(&otherExists)
	if version != 1 || otherExists {
		t.Fatalf("after a failed migration: version %d (want 1), table other exists=%v (want false)", version, otherExists)
	}
}

func TestServiceRoleCannotReadAnotherSchema(t *testing.T) {
	admin := testenv.Database(t)
	ctx := context.Background()
	walletDSN := testenv.ServiceDSN(t, admin, "wallet")
	apiDSN := testenv.ServiceDSN(t, admin, "api")

	wallet, err := db.OpenSQL(ctx, walletDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer wallet.Close()
	if err := db.Migrate(ctx, wallet, "wallet", migrationSet(t)); err != nil {
		t.Fatalf("a service role must migrate its own schema: %v", err)
	}
	if _, err := wallet.Exec(`INSERT INTO widget (widget_id, name) VALUES (gen_random_uuid(), 'mine')`); err != nil {
		t.Fatalf("a service role must use its own schema (search_path): %v", err)
	}

	api, err := db.OpenSQL(ctx, apiDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	var n int
	err = api.QueryRow(`SELECT count(*) FROM wallet.widget`).Scan(&n)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("api role read wallet.widget: err=%v, want permission denied", err)
	}
	if _, err := api.Exec(`CREATE TABLE public.sneaky (id int)`); err == nil {
		t.Fatal("api role created a table in public")
	}
}

func TestEnsureDatabaseCreatesOnce(t *testing.T) {
	dsn := testenv.FreshDatabase(t)
	created, err := db.EnsureDatabase(context.Background(), dsn)
	if err != nil || created {
		t.Fatalf("existing database: created=%v err=%v, want false, nil", created, err)
	}
}

func TestOpenUnreachableSaysHowToFix(t *testing.T) {
	_, err := db.Open(context.Background(), "postgresql://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", db.Options{})
	var unreachable *db.UnreachableError
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Fatalf("want an UnreachableError naming DATABASE_URL, got %v", err)
	}
	if !asUnreachable(err, &unreachable) {
		t.Fatalf("error %T is not *db.UnreachableError", err)
	}
}
