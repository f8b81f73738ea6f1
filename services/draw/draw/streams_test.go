package draw_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
)

// dlqCount counts the messages draw's pool.full consumer dead-lettered.
func (w *world) dlqCount() int {
	w.t.Helper()
	subject := events.DLQSubject(events.StreamTicketing, draw.PoolsDurable)
	s, err := w.bus.JS.Stream(context.Background(), events.StreamDLQ)
	if err != nil {
		w.t.Fatalf("dlq stream: %v", err)
	}
	info, err := s.Info(context.Background(), jetstream.WithSubjectFilter(subject))
	if err != nil {
		w.t.Fatalf("dlq stream info: %v", err)
	}
	return int(info.State.Subjects[subject])
}

// drawEvents counts the draw.completed messages of poolID in the DRAW stream.
func (w *world) drawEvents(poolID string) int {
	w.t.Helper()
	subject := events.TypeDrawCompleted.Subject(poolID)
	s, err := w.bus.JS.Stream(context.Background(), events.StreamDraw)
	if err != nil {
		w.t.Fatalf("draw stream: %v", err)
	}
	info, err := s.Info(context.Background(), jetstream.WithSubjectFilter(subject))
	if err != nil {
		w.t.Fatalf("draw stream info: %v", err)
	}
	return int(info.State.Subjects[subject])
}

// awaitDrawEvent waits for poolID's draw.completed and decodes it.
func (w *world) awaitDrawEvent(poolID string) events.DrawCompleted {
	w.t.Helper()
	var got events.DrawCompleted
	testenv.WaitFor(w.t, waitLimit, "draw.completed of pool "+poolID, func() error {
		msg, err := w.lastMessage(events.StreamDraw, events.TypeDrawCompleted.Subject(poolID))
		if err != nil {
			return err
		}
		got, err = events.Decode[events.DrawCompleted](msg.Data)
		return err
	})
	return got
}

func (w *world) lastMessage(stream, subject string) (*jetstream.RawStreamMsg, error) {
	s, err := w.bus.JS.Stream(context.Background(), stream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", stream, err)
	}
	return s.GetLastMsgForSubject(context.Background(), subject)
}

// awaitPoolsConsumed waits until draw's pool.full consumer has handled and acked everything.
func (w *world) awaitPoolsConsumed() {
	w.t.Helper()
	testenv.WaitFor(w.t, waitLimit, "draw-pools consumer drained", func() error {
		c, err := w.bus.JS.Consumer(context.Background(), events.StreamTicketing, draw.PoolsDurable)
		if err != nil {
			return err
		}
		info, err := c.Info(context.Background())
		if err != nil {
			return err
		}
		if info.NumPending > 0 || info.NumAckPending > 0 {
			return fmt.Errorf("%d pending, %d unacked", info.NumPending, info.NumAckPending)
		}
		return nil
	})
}

// awaitDrawn waits until ticketing recorded the draw (the pool is DRAWN).
func (w *world) awaitDrawn(poolID string) {
	w.t.Helper()
	testenv.WaitFor(w.t, waitLimit, "pool "+poolID+" DRAWN", func() error {
		p, err := w.tickets.GetPool(context.Background(), poolID)
		if err == nil && p.State != "DRAWN" {
			err = errors.New("pool is " + p.State)
		}
		return err
	})
}
