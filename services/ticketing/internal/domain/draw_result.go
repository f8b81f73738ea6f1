package domain

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// ErrBadDrawResult says that a draw result can never be recorded (it names no winner, or
// tickets the pool does not have); the consumer dead-letters it.
var ErrBadDrawResult = errors.New("draw result does not fit the pool")

// DrawResult is a pool's draw as ticketing records it: the pool DRAWN and its winning
// tickets, each named once.
type DrawResult struct {
	Pool    Pool
	Winners []uuid.UUID
}

// RecordDraw moves p to DRAWN with winners. It reports false for a pool already DRAWN (a
// redelivered result changes nothing), and refuses a result without winners.
func RecordDraw(p Pool, winners []uuid.UUID, now time.Time) (DrawResult, bool, error) {
	changed, err := p.RecordDraw(now)
	if err != nil || !changed {
		return DrawResult{}, false, err
	}
	unique := slices.Clone(winners)
	slices.SortFunc(unique, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	unique = slices.Compact(unique)
	if len(unique) == 0 {
		return DrawResult{}, false, fmt.Errorf("%w: no winners", ErrBadDrawResult)
	}
	return DrawResult{Pool: p, Winners: unique}, true, nil
}
