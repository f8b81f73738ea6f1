package app_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

var testNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// drawer draws the vector pool committed to terms, with b as the test chain (none if nil).
func drawer(tk *fakeTicketing, t *domain.Terms, b app.Beacon, req app.DrawRequest) (app.DrawPool, *fakeStore) {
	store := &fakeStore{req: req}
	beacons := app.Beacons{}
	if b != nil {
		beacons[testChain] = b
	}
	seeds := fakeSeeds{vectorPool: {Seed: vectorSeed(), Terms: t}}
	h := app.DrawPool{Store: store, Ticketing: tk, Seeds: seeds, Beacons: beacons,
		Notify: true, Backoff: app.Backoff{Base: time.Second, Cap: time.Minute},
		Now: func() time.Time { return testNow }, Log: quietLog()}
	return h, store
}

func step(t *testing.T, h app.DrawPool, store *fakeStore) app.Outcome {
	t.Helper()
	if found, err := h.Step(context.Background()); !found || err != nil {
		t.Fatalf("step: %v, %v", found, err)
	}
	return store.outcome
}

func TestDrawGivesTheVectorWinnersAndItsEvent(t *testing.T) {
	t.Parallel()
	h, store := drawer(newFakeTicketing(3), terms(3, false), nil, app.DrawRequest{PoolID: vectorPool})
	rec := step(t, h, store).Draw
	if rec == nil {
		t.Fatalf("no draw: %+v", store.outcome)
	}
	var proof domain.Proof
	if err := json.Unmarshal(rec.Proof, &proof); err != nil || len(domain.Verify(proof)) != 0 || proof.Beacon != nil ||
		proof.Terms == nil || !proof.Terms.Equal(*terms(3, false)) {
		t.Fatalf("proof %s: %v, %v", rec.Proof, err, domain.Verify(proof))
	}
	e := rec.Event()
	var nums []int
	for _, w := range e.Winners {
		nums = append(nums, w.TicketNum)
		if w.TicketID != ticketID(int64(w.TicketNum)) || w.UserID != vectorUser((w.TicketNum-1)%4+1) {
			t.Errorf("winner %+v: wrong ticket or user", w)
		}
	}
	if !slices.Equal(nums, []int{10, 3, 2}) || e.PrizeType != "CASH" || e.PrizeValueCents != 10_000 || e.Currency != "EUR" ||
		e.ProofHash != rec.ProofHash || e.Algorithm != domain.Algorithm || e.SchemaVersion != events.SchemaVersion {
		t.Fatalf("event %+v, want winners [10 3 2] with the prize and proof hash", e)
	}
	if rec.Notification == nil || !strings.Contains(string(rec.Notification.Payload), `"winners":[{"tier":1,"ticket_id":"`+ticketID(10)) {
		t.Fatalf("notification %+v", rec.Notification)
	}
}

// TestDrawLeavesVoidedTicketsOut: ticketing lists only the live tickets of a pool some of
// whose tickets a card refund voided (here 4 and 10, the vectors' first winner); the draw
// takes the shorter list with its gaps, and each winner is the listed ticket of its number.
func TestDrawLeavesVoidedTicketsOut(t *testing.T) {
	t.Parallel()
	tk := newFakeTicketing(3)
	tk.tickets = withoutTickets(tk.tickets, 4, 10)
	h, store := drawer(tk, terms(3, false), nil, app.DrawRequest{PoolID: vectorPool})
	rec := step(t, h, store).Draw
	if rec == nil {
		t.Fatalf("no draw: %+v", store.outcome)
	}
	var proof domain.Proof
	if err := json.Unmarshal(rec.Proof, &proof); err != nil || len(domain.Verify(proof)) != 0 || proof.N != 8 {
		t.Fatalf("proof %s: %v, %v; want 8 tickets that verify", rec.Proof, err, domain.Verify(proof))
	}
	for _, w := range rec.Winners {
		if w.Num == 4 || w.Num == 10 || w.TicketID != ticketID(w.Num) || w.UserID != vectorUser(int(w.Num-1)%4+1) {
			t.Errorf("winner %+v: a voided ticket, or not the listed ticket of its number", w)
		}
	}
}

func TestDrawMixesInTheFixedBeaconRound(t *testing.T) {
	t.Parallel()
	b := &fakeBeacon{epoch: testNow.Add(-time.Hour)}
	round := uint64(42)
	h, store := drawer(newFakeTicketing(1), terms(1, true), b, app.DrawRequest{PoolID: vectorPool, BeaconRound: &round})
	rec := step(t, h, store).Draw
	if rec == nil || !slices.Equal(b.fetched, []uint64{42}) {
		t.Fatalf("draw %+v after fetching %v, want round 42 fetched", store.outcome, b.fetched)
	}
	var proof domain.Proof
	_ = json.Unmarshal(rec.Proof, &proof)
	if proof.Beacon == nil || proof.Beacon.Round != 42 || rec.Winners[0].Num != 7 || string(rec.BeaconSignature) != "sig" ||
		len(domain.Verify(proof)) != 0 || !proof.Terms.Equal(*terms(1, true)) {
		t.Fatalf("proof beacon %+v, winners %+v: want round 42 and ticket 7 (the 0xfc vector)", proof.Beacon, rec.Winners)
	}
}

func TestDrawWaitsOrRetries(t *testing.T) {
	t.Parallel()
	future, past := uint64(7200), uint64(60)
	retry := testNow.Add(4 * time.Second)
	tests := []struct {
		name    string
		edit    func(*fakeTicketing, *fakeBeacon)
		terms   *domain.Terms
		round   *uint64
		retryAt time.Time
		failed  bool
		reason  string
	}{
		{"beacon round not published yet", nil, terms(1, true), &future, testNow.Add(time.Hour), false, "waiting for beacon round 7200"},
		{"beacon relay fails", func(_ *fakeTicketing, b *fakeBeacon) { b.err = context.DeadlineExceeded }, terms(1, true), &past,
			retry, true, "beacon round 60"},
		{"terms name a chain the service cannot read", nil, &domain.Terms{WinnersCount: 1,
			Beacon: &domain.TermsBeacon{ChainHash: strings.Repeat("ab", 32), RoundRule: domain.RoundRuleAfterFull}}, &past,
			retry, true, "is not one this service can read"},
		{"terms call for a beacon but no round was fixed", nil, terms(1, true), nil, retry, true, "no round was fixed"},
		{"ticketing has another number of winners", nil, terms(2, false), nil, retry, true, "ticketing's pool has 1 winners, its draw terms fix 2"},
		{"ticketing publishes other terms", func(tk *fakeTicketing, _ *fakeBeacon) { tk.pool.Terms = terms(1, true) }, terms(1, false), nil,
			retry, true, "ticketing publishes the draw terms"},
		{"seed does not match the commitment", func(tk *fakeTicketing, _ *fakeBeacon) { tk.pool.Commitment = "00" }, terms(1, false), nil,
			retry, true, "commitment"},
		{"pool not started", func(tk *fakeTicketing, _ *fakeBeacon) { tk.pool.State = "FULL" }, terms(1, false), nil,
			retry, true, "pool is FULL"},
		{"more tickets than sold", func(tk *fakeTicketing, _ *fakeBeacon) { tk.pool.TicketsSold = 9 }, terms(1, false), nil,
			retry, true, "listed 10 tickets of 9 sold"},
		{"fewer tickets than winners", func(tk *fakeTicketing, _ *fakeBeacon) { tk.pool.WinnersCount, tk.tickets = 3, tk.tickets[:2] },
			terms(3, false), nil, retry, true, "listed 2 tickets, fewer than the 3 winners"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tk, b := newFakeTicketing(1), &fakeBeacon{epoch: testNow.Add(-time.Hour)}
			if tc.edit != nil {
				tc.edit(tk, b)
			}
			h, store := drawer(tk, tc.terms, b, app.DrawRequest{PoolID: vectorPool, BeaconRound: tc.round, Attempts: 2})
			out := step(t, h, store)
			if out.Draw != nil || !out.RetryAt.Equal(tc.retryAt) || out.Failed != tc.failed || !strings.Contains(out.Reason, tc.reason) {
				t.Fatalf("outcome %+v, want a retry at %s (failed %v) because %q", out, tc.retryAt, tc.failed, tc.reason)
			}
			if attempts := map[bool]int{false: 2, true: 3}[tc.failed]; out.Attempts != attempts {
				t.Fatalf("outcome stores %d attempts, want %d: only a failed attempt counts toward the back-off", out.Attempts, attempts)
			}
		})
	}
}

func TestOnlyTheTermsDecideTheBeacon(t *testing.T) {
	t.Parallel()
	round := uint64(42)
	tests := []struct {
		name   string
		terms  *domain.Terms
		round  *uint64
		beacon bool // the proof uses one
	}{
		// A round fixed by a request made under an old setting does not add a beacon the terms lack.
		{"no beacon in the terms", terms(1, false), &round, false},
		{"a beacon in the terms", terms(1, true), &round, true},
		{"committed before terms existed", nil, &round, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := &fakeBeacon{epoch: testNow.Add(-time.Hour)}
			h, store := drawer(newFakeTicketing(1), tc.terms, b, app.DrawRequest{PoolID: vectorPool, BeaconRound: tc.round})
			rec := step(t, h, store).Draw
			if rec == nil {
				t.Fatalf("no draw: %+v", store.outcome)
			}
			var proof domain.Proof
			if err := json.Unmarshal(rec.Proof, &proof); err != nil || len(domain.Verify(proof)) != 0 || (proof.Beacon != nil) != tc.beacon {
				t.Fatalf("proof %s: %v; want a beacon: %v", rec.Proof, domain.Verify(proof), tc.beacon)
			}
		})
	}
}

type requests struct {
	terms *domain.Terms
	got   []app.DrawRequest
}

func (r *requests) Add(_ context.Context, req app.DrawRequest) error {
	r.got = append(r.got, req)
	return nil
}

func (r *requests) Terms(context.Context, uuid.UUID) (*domain.Terms, error) { return r.terms, nil }

func TestRequestDrawFixesTheRoundOfTheTermsThirtySecondsAfterFull(t *testing.T) {
	t.Parallel()
	beacons := app.Beacons{testChain: &fakeBeacon{epoch: testNow}}
	for _, tc := range []struct {
		terms *domain.Terms
		want  *uint64
	}{{terms(1, false), nil}, {nil, nil}, {terms(1, true), ptr(uint64(31))}} {
		r := &requests{terms: tc.terms}
		err := app.RequestDraw{Beacons: beacons}.Handle(context.Background(), app.Tx{Requests: r}, vectorPool, testNow)
		if err != nil || len(r.got) != 1 || !r.got[0].FullAt.Equal(testNow) {
			t.Fatalf("request: %+v, %v", r.got, err)
		}
		if got := r.got[0].BeaconRound; (got == nil) != (tc.want == nil) || (got != nil && *got != *tc.want) {
			t.Fatalf("terms %v: beacon round %v, want %v", tc.terms, got, tc.want)
		}
	}
}

func TestBackoffDoublesUpToTheCap(t *testing.T) {
	t.Parallel()
	b := app.Backoff{Base: time.Second, Cap: 10 * time.Second}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i, w := range want {
		if got := b.After(i + 1); got != w {
			t.Errorf("After(%d) = %s, want %s", i+1, got, w)
		}
	}
	if got := b.After(1000); got != 10*time.Second {
		t.Errorf("After(1000) = %s", got)
	}
}

func ptr[T any](v T) *T { return &v }
