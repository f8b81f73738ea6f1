package adapters_test

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/adapters"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// store is the api's schema in this package's database, migrated as the service does.
func store(t *testing.T) *gorm.DB {
	t.Helper()
	admin := testenv.Database(t)
	dsn := testenv.ServiceDSN(t, admin, "api")
	gdb := testenv.Open(t, dsn)
	sqlDB, err := gdb.DB()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(context.Background(), sqlDB, "api", service.MigrationSets(os.DirFS("../../api/migrations"))...); err != nil {
		t.Fatal(err)
	}
	return gdb
}

// application is the purchase application over gdb, wallet holds lasting holdTTL.
func application(gdb *gorm.DB, holdTTL time.Duration) *app.Application {
	return app.New(adapters.Transactor(gdb), adapters.NewReads(gdb), holdTTL, slog.New(slog.DiscardHandler))
}

// newPurchase is a purchase of 500 EUR, paid by method (card: through stripe).
func newPurchase(t *testing.T, method string) purchase.Purchase {
	t.Helper()
	p := purchase.Purchase{ID: uuid.NewString(), UserID: uuid.NewString(), PoolID: uuid.NewString(),
		Type: "ENTRY", AmountCents: 500, Currency: "EUR", Method: method}
	if method == purchase.MethodProvider {
		p.Provider = "stripe"
	}
	return p
}

// advance applies e to purchase id in its own transaction.
func advance(t *testing.T, gdb *gorm.DB, a *app.Application, id string, e purchase.Event) (app.Result, error) {
	t.Helper()
	var res app.Result
	err := adapters.Transactor(gdb).Atomically(context.Background(), func(ctx context.Context, u app.UnitOfWork) error {
		var err error
		res, err = a.Commands.AdvanceSaga.Handle(ctx, u, id, e)
		return err
	})
	return res, err
}

// announced lists the event types the outbox holds for purchase id, oldest first.
func announced(t *testing.T, gdb *gorm.DB, id string) []string {
	t.Helper()
	var types []string
	if err := gdb.Raw(`SELECT event_type FROM outbox WHERE aggregate_id = ? ORDER BY seq`, id).Scan(&types).Error; err != nil {
		t.Fatal(err)
	}
	return types
}
