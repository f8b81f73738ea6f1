package realtime

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// subscribeTimeout bounds the wait for a hub that is still starting.
const subscribeTimeout = 5 * time.Second

// stream is one client's connection state.
type stream struct {
	w       *sseWriter
	cur     Cursor
	key     string
	project projector
}

// serve streams view v for id: subscribe first, so nothing published from now on is
// missed; then replay what a resuming client missed up to the streams' current end; then
// forward live events, skipping any the replay already covered.
func (m *Module) serve(c *gin.Context, v view, id string, project projector) {
	ctx := c.Request.Context()
	from, resumed, err := lastEventID(c, v)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	caller, _ := auth.FromContext(c)
	release, err := m.caps.acquire(caller.Key(), c.ClientIP())
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	defer release()
	sub, err := m.subscribe(ctx, v.key(id))
	if err != nil {
		problem.Fail(c, m.log, unavailable(err))
		return
	}
	defer sub.Close()
	pos, err := m.hub.Positions(ctx, v.streams)
	if err != nil {
		problem.Fail(c, m.log, unavailable(err))
		return
	}
	end := newCursor(v.streams, pos)
	s := &stream{cur: end, key: v.key(id), project: project}
	if resumed {
		s.cur = from.clamp(end).window(end, uint64(m.cfg.ReplayMaxEvents))
	}
	if s.w, err = startSSE(c); err != nil {
		return
	}
	if err := s.w.event(s.cur.String(), "ready", []byte(`{"resumed":`+boolText(resumed)+`}`)); err != nil {
		return
	}
	if err := m.replay(ctx, v, id, s, end); err != nil {
		m.log.WarnContext(ctx, "realtime: replay failed", "err", err, "request_id", problem.RequestIDFrom(ctx))
		return // the client reconnects from the last id it got
	}
	m.forward(ctx, sub, s)
}

// subscribe subscribes, waiting a little for a hub that is still starting.
func (m *Module) subscribe(ctx context.Context, key string) (*Subscription, error) {
	ctx, cancel := context.WithTimeout(ctx, subscribeTimeout)
	defer cancel()
	return m.hub.Subscribe(ctx, key)
}

// replay sends, stream by stream, the events after s.cur up to end that are younger than
// the replay's age bound.
func (m *Module) replay(ctx context.Context, v view, id string, s *stream, end Cursor) error {
	since := m.now().Add(-m.cfg.ReplayMaxAge)
	for _, name := range v.streams {
		err := m.hub.Replay(ctx, ReplayRange{Stream: name, Filters: v.filters(name, id),
			From: s.cur.at(name), To: end.at(name), Since: since}, s.send)
		if err != nil {
			return err
		}
	}
	return nil
}

// forward sends live events and heartbeats until the client or the hub goes away.
func (m *Module) forward(ctx context.Context, sub *Subscription, s *stream) {
	ticker := time.NewTicker(m.cfg.Heartbeat)
	defer ticker.Stop()
	for {
		var err error
		select {
		case e := <-sub.Events():
			err = s.send(e)
		case <-ticker.C:
			err = s.w.comment("heartbeat")
		case <-sub.Lost():
			return
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
	}
}

// send writes e if it is new to the client and meant for it.
func (s *stream) send(e Event) error {
	if !s.cur.advance(e) || !e.routesTo(s.key) {
		return nil
	}
	data, ok := s.project(e)
	if !ok {
		return nil
	}
	return s.w.event(s.cur.String(), e.name(), data)
}

// boolText renders b as JSON.
func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
