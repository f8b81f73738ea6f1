package adapters_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/adapters"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// The purchase events by type, as the outbox stores them.
var (
	created   = events.TypePurchaseCreated.String()
	confirmed = events.TypePurchaseConfirmed.String()
	failed    = events.TypePurchaseFailed.String()
	refunded  = events.TypePurchaseRefunded.String()
)

func TestWalletPurchaseWalksTheSagaOnPostgres(t *testing.T) {
	t.Parallel()
	gdb := store(t)
	a := application(gdb, time.Hour)
	ctx := context.Background()
	p, err := a.Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodWallet))
	if err != nil || p.Status != purchase.StatusPending || p.HoldExpiresAt == nil || p.HoldExpired {
		t.Fatalf("created %+v, %v", p, err)
	}
	ticket := "0190a7e2-0000-7000-8000-00000000000a"
	steps := []struct {
		event   purchase.Event
		status  string
		outcome purchase.Outcome
	}{
		{purchase.HoldPlaced{}, purchase.StatusConfirmed, purchase.Confirmed},
		{purchase.HoldPlaced{}, purchase.StatusConfirmed, purchase.Stale},
		{purchase.TicketIssued{TicketID: ticket}, purchase.StatusConfirmed, purchase.TicketRecorded},
		{purchase.TicketIssued{TicketID: ticket}, purchase.StatusConfirmed, purchase.Unchanged},
		{purchase.TicketVoided{Reason: "pool_cancelled"}, purchase.StatusRefunded, purchase.Refunded},
	}
	for _, s := range steps {
		res, err := advance(t, gdb, a, p.ID, s.event)
		if err != nil || res.Purchase.Status != s.status || res.Outcome != s.outcome {
			t.Fatalf("%s: %s %s, %v; want %s %s", purchase.Name(s.event), res.Purchase.Status, res.Outcome, err, s.status, s.outcome)
		}
	}
	res, _ := advance(t, gdb, a, p.ID, purchase.TicketKept{})
	if res.Purchase.IssuedTicketID != ticket || res.Purchase.FailureReason != "pool_cancelled" {
		t.Errorf("saved %+v", res.Purchase)
	}
	if got, want := announced(t, gdb, p.ID), []string{created, confirmed, refunded}; !slices.Equal(got, want) {
		t.Errorf("outbox %v, want %v", got, want)
	}
	if _, err := advance(t, gdb, a, "0190a7e2-0000-7000-8000-0000000000ff", purchase.HoldPlaced{}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("unknown purchase: %v", err)
	}
	if got, err := a.Queries.GetPurchase.Handle(ctx, p.ID); err != nil || !reflect.DeepEqual(got, res.Purchase) {
		t.Errorf("read back %+v, %v; want %+v", got, err, res.Purchase)
	}
	mine, err := a.Queries.ListPurchases.Handle(ctx, app.PurchaseFilter{UserID: p.UserID, Status: purchase.StatusRefunded}, 10)
	if err != nil || len(mine) != 1 || mine[0].ID != p.ID {
		t.Errorf("listed %+v, %v", mine, err)
	}
}

func TestExpireHoldsFailsOnlyPurchasesPastTheirDeadline(t *testing.T) {
	t.Parallel()
	gdb := store(t)
	ctx := context.Background()
	late, err := application(gdb, -time.Second).Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodWallet))
	if err != nil {
		t.Fatal(err)
	}
	a := application(gdb, time.Hour)
	inTime, err := a.Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodWallet))
	if err != nil {
		t.Fatal(err)
	}
	// Other tests' purchases may expire too; this one must be among them, once.
	if n, err := a.Commands.ExpireHolds.Handle(ctx); err != nil || n < 1 {
		t.Fatalf("expired %d, %v", n, err)
	}
	res, err := advance(t, gdb, a, late.ID, purchase.HoldPlaced{})
	if err != nil || res.Purchase.Status != purchase.StatusFailed || res.Purchase.FailureReason != events.PurchaseFailedHoldExpired ||
		res.Outcome != purchase.Stale {
		t.Errorf("late purchase after a hold: %+v %s, %v", res.Purchase, res.Outcome, err)
	}
	if res, _ := advance(t, gdb, a, inTime.ID, purchase.HoldDeadlinePassed{}); res.Purchase.Status != purchase.StatusPending {
		t.Errorf("purchase in time: %s", res.Purchase.Status)
	}
	if got, want := announced(t, gdb, late.ID), []string{created, failed}; !slices.Equal(got, want) {
		t.Errorf("outbox %v, want %v", got, want)
	}
}

func TestSettlementBindsATransactionToOnePurchase(t *testing.T) {
	t.Parallel()
	gdb := store(t)
	a := application(gdb, time.Hour)
	ctx := context.Background()
	first, _ := a.Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodProvider))
	second, _ := a.Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodProvider))
	settle := a.Commands.SettlePurchase
	txn := "txn_" + first.ID
	res, err := settle.Handle(ctx, app.Settlement{PurchaseID: first.ID, Status: purchase.StatusConfirmed, TxnID: txn})
	if err != nil || res.Purchase.SettledTxnID != txn || res.Purchase.Status != purchase.StatusConfirmed {
		t.Fatalf("first: %+v, %v", res.Purchase, err)
	}
	if _, err := settle.Handle(ctx, app.Settlement{PurchaseID: second.ID, Status: purchase.StatusConfirmed, TxnID: txn}); !errors.Is(err, app.ErrTxnInUse) {
		t.Errorf("second purchase, same transaction: %v", err)
	}
	if res, _ := settle.Handle(ctx, app.Settlement{PurchaseID: first.ID, Status: purchase.StatusFailed}); res.Outcome != purchase.FailureAfterSuccess {
		t.Errorf("failing a confirmed purchase: %s", res.Outcome)
	}
	if got := announced(t, gdb, second.ID); !slices.Equal(got, []string{created}) {
		t.Errorf("second purchase's outbox %v", got)
	}
}

func TestCardRefundRecordsItsCaseAndTicketingResolvesIt(t *testing.T) {
	t.Parallel()
	gdb := store(t)
	a := application(gdb, time.Hour)
	ctx := context.Background()
	p, _ := a.Commands.CreatePurchase.Handle(ctx, newPurchase(t, purchase.MethodProvider))
	txn := "txn_" + p.ID
	if _, err := a.Commands.SettlePurchase.Handle(ctx, app.Settlement{PurchaseID: p.ID, Status: purchase.StatusConfirmed, TxnID: txn}); err != nil {
		t.Fatal(err)
	}
	var res app.Result
	err := adapters.Transactor(gdb).Atomically(ctx, func(ctx context.Context, u app.UnitOfWork) error {
		var err error
		res, err = a.Commands.RecordCardReversal.Handle(ctx, u, app.CardReversal{TxnID: txn, Kind: purchase.CaseRefund,
			Source: app.Source{Provider: "stripe", EventID: "evt_1", EventType: "charge.refunded", AmountCents: 200, Currency: "EUR"}})
		return err
	})
	if err != nil || res.Purchase.Status != purchase.StatusRefunded || res.Purchase.RefundedCents != 200 {
		t.Fatalf("refund found by its transaction: %+v, %v", res.Purchase, err)
	}
	if _, err := advance(t, gdb, a, p.ID, purchase.TicketVoided{Reason: events.ReversalRefund}); err != nil {
		t.Fatal(err)
	}
	cases, err := a.Queries.ListPaymentCases.Handle(ctx, app.CaseFilter{PurchaseID: p.ID}, 10)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %+v, %v", cases, err)
	}
	if c := cases[0]; c.Resolution != purchase.CaseTicketVoided || c.PoolState != "OPEN" || c.Kind != purchase.CaseRefund ||
		c.PurchaseStatus != purchase.StatusRefunded || c.EventID != "evt_1" || c.AmountCents != 200 {
		t.Errorf("case %+v", c)
	}
}
