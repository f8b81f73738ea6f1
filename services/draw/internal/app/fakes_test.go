package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// The test vectors of docs/fairness.md: pool, users 1..4, seed 0x00…0x1f, tickets 1..10 owned by
// user ((t−1) mod 4)+1, ticket 3 of weight 2.
var vectorPool = uuid.MustParse("0190a7e2-0000-7000-8000-000000000001")

func vectorUser(u int) string { return fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", u) }

func vectorSeed() []byte {
	seed := make([]byte, 32)
	for i := range seed {
		seed[i] = byte(i)
	}
	return seed
}

func ticketID(n int64) string { return fmt.Sprintf("00000000-0000-7000-9000-%012d", n) }

func vectorTickets() []app.FrozenTicket {
	out := make([]app.FrozenTicket, 10)
	for i := range out {
		n := int64(i + 1)
		out[i] = app.FrozenTicket{Num: n, TicketID: ticketID(n), UserID: vectorUser(i%4 + 1), Weight: 1}
		if n == 3 {
			out[i].Weight = 2
		}
	}
	return out
}

// withoutTickets is the list less the numbered tickets, as ticketing lists a pool whose
// tickets with those numbers were voided.
func withoutTickets(tickets []app.FrozenTicket, voided ...int64) []app.FrozenTicket {
	return slices.DeleteFunc(slices.Clone(tickets), func(t app.FrozenTicket) bool { return slices.Contains(voided, t.Num) })
}

// fakeTicketing answers like ticketing for one started pool.
type fakeTicketing struct {
	pool    app.PoolInfo
	prize   app.PrizeInfo
	tickets []app.FrozenTicket
	err     error
}

func newFakeTicketing(winners int) *fakeTicketing {
	c := sha256.Sum256(vectorSeed())
	return &fakeTicketing{
		pool: app.PoolInfo{PoolID: vectorPool.String(), PrizeID: "prize-1", State: app.PoolStarted, TicketsSold: 10,
			WinnersCount: winners, Commitment: hex.EncodeToString(c[:])},
		prize:   app.PrizeInfo{PrizeID: "prize-1", Title: "Cash", Kind: "CASH", ValueCents: 10_000, Currency: "EUR"},
		tickets: vectorTickets(),
	}
}

func (f *fakeTicketing) StartPool(context.Context, uuid.UUID) (app.PoolInfo, error) {
	return f.pool, f.err
}
func (f *fakeTicketing) Prize(context.Context, string) (app.PrizeInfo, error) { return f.prize, nil }
func (f *fakeTicketing) FrozenTickets(context.Context, uuid.UUID) ([]app.FrozenTicket, error) {
	return f.tickets, nil
}

type fakeSeeds map[uuid.UUID]app.PoolSeed

func (s fakeSeeds) Committed(_ context.Context, poolID uuid.UUID) (app.PoolSeed, error) {
	if seed, ok := s[poolID]; ok {
		return seed, nil
	}
	return app.PoolSeed{}, errors.New("no seed")
}

// testChain is the chain hash the test terms name (drand quicknet's).
const testChain = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"

// terms are draw terms of k winners, with the test chain's beacon or none.
func terms(k int, beacon bool) *domain.Terms {
	t := &domain.Terms{WinnersCount: k}
	if beacon {
		t.Beacon = &domain.TermsBeacon{ChainHash: testChain, RoundRule: domain.RoundRuleAfterFull}
	}
	return t
}

// fakeBeacon publishes round r at epoch + r seconds with 32 bytes of 0xfc.
type fakeBeacon struct {
	epoch   time.Time
	fetched []uint64
	err     error
}

func (b *fakeBeacon) RoundAt(t time.Time) uint64 { return uint64(t.Sub(b.epoch)/time.Second) + 1 }
func (b *fakeBeacon) TimeOf(round uint64) time.Time {
	return b.epoch.Add(time.Duration(round) * time.Second)
}
func (b *fakeBeacon) Fetch(_ context.Context, round uint64) (domain.Beacon, []byte, error) {
	b.fetched = append(b.fetched, round)
	return domain.Beacon{Round: round, Randomness: bytes.Repeat([]byte{0xfc}, 32)}, []byte("sig"), b.err
}

// fakeStore hands one request to decide and keeps the outcome.
type fakeStore struct {
	req     app.DrawRequest
	outcome app.Outcome
}

func (s *fakeStore) WithDue(ctx context.Context, _ time.Time, decide func(context.Context, app.DrawRequest) app.Outcome) (bool, error) {
	s.outcome = decide(ctx, s.req)
	return true, nil
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func sha256Of(b []byte) []byte {
	sum := sha256.Sum256(b)
	return sum[:]
}
