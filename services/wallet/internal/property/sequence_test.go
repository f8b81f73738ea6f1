package property

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
	"tickup.dev/services/wallet/internal/wallettest"
)

// sequence is one random run: a few users and pools of its own, what the sequence created so
// far (the services around the wallet would remember the same), and a trail of every step
// to print when a check fails.
type sequence struct {
	ctx         context.Context
	w           *world
	rng         *rand.Rand
	users       []string
	pools       []string // open pools
	cancelled   map[string]bool
	purchases   []*purchase
	topups      []domain.Topup
	withdrawals []string
	sent        []delivery
	trail       []string
}

// delivery is an event as delivered once, kept to deliver it again.
type delivery struct {
	id string
	ev events.Event
}

// stage is where a purchase stands in the saga the api and ticketing drive.
type stage int

const (
	stageNew       stage = iota
	stagePlaced          // the wallet placed its hold
	stageRefused         // the wallet refused the hold: the api fails the purchase
	stageConfirmed       // confirmed (card-paid ones start here): ticketing decides next
	stageIssued          // a ticket exists: only the pool's cancellation voids it
	stageDone
)

type purchase struct {
	wallettest.Purchase
	stage stage
}

func newSequence(ctx context.Context, w *world, seed uint64) *sequence {
	s := &sequence{ctx: ctx, w: w, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		cancelled: map[string]bool{}}
	for range 2 {
		s.users = append(s.users, s.newID())
		s.pools = append(s.pools, s.newID())
	}
	return s
}

// newID is a random (v4) UUID drawn from the sequence's seed, so a seed replays the same ids
// in a fresh database.
func (s *sequence) newID() string {
	var u uuid.UUID
	binary.LittleEndian.PutUint64(u[:8], s.rng.Uint64())
	binary.LittleEndian.PutUint64(u[8:], s.rng.Uint64())
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u.String()
}

func (s *sequence) user() string { return s.users[s.rng.IntN(len(s.users))] }

// cents is an amount in 100-cent steps up to 1,500, and now and then an invalid one.
func (s *sequence) cents() int64 {
	if s.rng.IntN(25) == 0 {
		return -s.rng.Int64N(2)
	}
	return 100 * (1 + s.rng.Int64N(15))
}

func (s *sequence) logf(format string, args ...any) {
	s.trail = append(s.trail, fmt.Sprintf(format, args...))
}

// send delivers ev under a new message id and keeps it for redelivery.
func (s *sequence) send(ev events.Event) error {
	d := delivery{id: s.newID(), ev: ev}
	s.sent = append(s.sent, d)
	return s.deliver(d)
}

func (s *sequence) deliver(d delivery) error {
	s.logf("deliver %s %s %+v", d.id[:8], events.Type(d.ev.EventType()), d.ev)
	if err := s.w.deliver(s.ctx, d.id, d.ev); err != nil {
		return fmt.Errorf("delivery of %s failed: %w", d.ev.EventType(), err)
	}
	return nil
}

// command records a command's outcome: a refusal the wallet answers with a problem is part of
// the game; anything else (a 500 in production) fails the sequence.
func (s *sequence) command(what string, err error) error {
	var invalid *domain.ValidationError
	kind := strings.Join(strings.Fields(what)[:2], " ")
	switch {
	case err == nil:
		s.w.count(kind + ": done")
		s.logf("%s: ok", what)
	case errors.As(err, &invalid), errors.Is(err, domain.ErrInsufficientFunds), errors.Is(err, domain.ErrState),
		errors.Is(err, domain.ErrLimit), errors.Is(err, domain.ErrNotFound):
		s.w.count(kind + ": refused")
		s.logf("%s: refused: %v", what, err)
	default:
		return fmt.Errorf("%s: unexpected error: %w", what, err)
	}
	return nil
}

// story is the trail, one step per line.
func (s *sequence) story() string { return "  " + strings.Join(s.trail, "\n  ") }
