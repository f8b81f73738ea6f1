package wallettest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/walletaudit"
)

// Count runs a counting query as admin (search_path wallet).
func (e *Env) Count(t testing.TB, sql string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := e.Admin.Raw(sql, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// WaitCount waits until the counting query answers want.
func (e *Env) WaitCount(t testing.TB, want int64, what, sql string, args ...any) {
	t.Helper()
	testenv.WaitFor(t, 60*time.Second, what, func() error {
		if got := e.Count(t, sql, args...); got != want {
			return fmt.Errorf("%d, want %d", got, want)
		}
		return nil
	})
}

// WaitHandled waits until consumer has handled n messages (its inbox rows).
func (e *Env) WaitHandled(t testing.TB, consumer string, n int64) {
	t.Helper()
	e.WaitCount(t, n, consumer+" to handle its messages", `SELECT count(*) FROM inbox WHERE consumer = ?`, consumer)
}

// WaitEvents waits until the WALLET stream holds want events of type typ.
func (e *Env) WaitEvents(t testing.TB, typ events.Type, want uint64) {
	t.Helper()
	testenv.WaitFor(t, 60*time.Second, "wallet events "+typ.String(), func() error {
		got, err := e.StreamCount(typ)
		if err != nil || got != want {
			return fmt.Errorf("%d (%v), want %d", got, err, want)
		}
		return nil
	})
}

// StreamCount counts the events of type typ in their stream.
func (e *Env) StreamCount(typ events.Type) (uint64, error) {
	ctx := context.Background()
	s, err := e.Bus.JS.Stream(ctx, typ.Stream())
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(typ.Filter()))
	if err != nil {
		return 0, err
	}
	var n uint64
	for _, c := range info.State.Subjects {
		n += c
	}
	return n, nil
}

// Fund credits cents to a user's wallet with an admin adjustment and returns its wallet id.
func (e *Env) Fund(t testing.TB, userID string, cents int64) string {
	t.Helper()
	entry, err := e.Client.Adjust(context.Background(), walletrpc.AdjustmentRequest{Actor: "admin-test", UserID: userID,
		Direction: "CREDIT", AmountCents: cents, Reason: "test funding"})
	if err != nil {
		t.Fatalf("fund %s: %v", userID, err)
	}
	return entry.WalletID
}

// Wallet reads a user's wallet over RPC.
func (e *Env) Wallet(t testing.TB, userID string) walletrpc.Wallet {
	t.Helper()
	w, err := e.Client.Wallet(context.Background(), walletrpc.WalletRequest{UserID: userID})
	if err != nil {
		t.Fatalf("wallet of %s: %v", userID, err)
	}
	return w
}

// AssertAuditClean fails the test if the wallet audit finds any violation.
func (e *Env) AssertAuditClean(t testing.TB) {
	t.Helper()
	vs, err := walletaudit.Check(context.Background(), e.Admin)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("audit: %s", v)
	}
}

// Events returns the payloads of every event of type typ in its stream, oldest first.
func Events[T events.Event](t testing.TB, e *Env, typ events.Type) []T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	want, err := e.StreamCount(typ)
	if err != nil {
		t.Fatal(err)
	}
	cons, err := e.Bus.JS.OrderedConsumer(ctx, typ.Stream(), jetstream.OrderedConsumerConfig{FilterSubjects: []string{typ.Filter()}})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]T, 0, want)
	for uint64(len(out)) < want {
		msg, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			t.Fatalf("read %s: %v", typ, err)
		}
		ev, err := events.Decode[T](msg.Data())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}
