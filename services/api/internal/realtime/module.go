package realtime

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// Defaults of a Config's zero fields.
const (
	DefaultHeartbeat       = 15 * time.Second
	DefaultReplayMaxAge    = 24 * time.Hour
	DefaultReplayMaxEvents = 10_000
)

// Config bounds what the streams cost.
type Config struct {
	Heartbeat       time.Duration // comment lines on idle streams; default 15s
	StreamsPerUser  int           // open streams per caller on this replica; 0: no cap
	StreamsPerIP    int           // open streams per client IP on this replica; 0: no cap
	ReplayMaxAge    time.Duration // a resume replays no older event; default 24h
	ReplayMaxEvents int           // a resume looks at most at this many latest messages per stream; default 10,000
}

// Module serves the event streams.
type Module struct {
	hub  *Hub
	log  *slog.Logger
	cfg  Config
	caps *streamCaps
	now  func() time.Time
}

// NewModule returns the streams module, filling cfg's zero fields with the defaults.
func NewModule(hub *Hub, log *slog.Logger, cfg Config) *Module {
	if cfg.Heartbeat <= 0 {
		cfg.Heartbeat = DefaultHeartbeat
	}
	if cfg.ReplayMaxAge <= 0 {
		cfg.ReplayMaxAge = DefaultReplayMaxAge
	}
	if cfg.ReplayMaxEvents <= 0 {
		cfg.ReplayMaxEvents = DefaultReplayMaxEvents
	}
	return &Module{hub: hub, log: log, cfg: cfg, caps: newStreamCaps(cfg.StreamsPerUser, cfg.StreamsPerIP), now: time.Now}
}

// streamDescription explains the protocol once, for both routes.
const streamDescription = "Server-Sent Events. The first event, `ready`, carries the current position as its id. " +
	"Each event's `id` encodes the stream positions: reconnect with `Last-Event-ID` (or ?last_event_id=) to " +
	"receive what came after it, within a bounded window (recent events only: a client away longer reloads " +
	"state over REST). Comment lines are sent every 15 s. Events of one producer arrive in order. Open streams " +
	"are capped per user and per client IP (429 beyond)."

// Register adds the stream routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag("realtime", "Server-Sent Events streams.")
	sse := []openapi.Response{{Status: http.StatusOK, ContentType: "text/event-stream",
		Description: "An endless stream of events."}}
	tooMany := []int{http.StatusTooManyRequests}
	resume := []openapi.Parameter{
		openapi.Header("Last-Event-ID", "The id of the last event received.", openapi.String("")),
		openapi.Query("last_event_id", "Same as the Last-Event-ID header.", openapi.String("")),
	}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}/events", Access: httpapi.Public,
		Tags: []string{"realtime"}, Summary: "A pool's progress, state changes and draw result",
		Description: describe(poolView()), Parameters: resume, Responses: sse, Problems: tooMany,
	}, m.poolEvents)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/me/events", Access: httpapi.User, QueryToken: true,
		Tags: []string{"realtime"}, Summary: "The caller's purchases, tickets, wallet entries and wins",
		Description: describe(userView()), Parameters: resume, Responses: sse, Problems: tooMany,
	}, m.myEvents)
}

// describe documents a view's stream.
func describe(v view) string {
	return streamDescription + " Event names: " + strings.Join(v.eventNames(), ", ") + "."
}

// poolEvents answers GET /pools/{id}/events.
func (m *Module) poolEvents(c *gin.Context) {
	poolID, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	m.serve(c, poolView(), poolID, publicProjection)
}

// myEvents answers GET /me/events.
func (m *Module) myEvents(c *gin.Context) {
	id, _ := auth.FromContext(c)
	m.serve(c, userView(), id.UserID, privateProjection(id.UserID))
}

// lastEventID reads where a reconnecting client stopped.
func lastEventID(c *gin.Context, v view) (Cursor, bool, error) {
	raw := c.GetHeader("Last-Event-ID")
	if raw == "" {
		raw = c.Query("last_event_id")
	}
	if raw == "" {
		return Cursor{}, false, nil
	}
	cur, err := parseCursor(raw, v.streams)
	if err != nil {
		return Cursor{}, false, &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
			Detail: "Last-Event-ID is not an event id of this stream.", Err: err,
			Fields: []problem.FieldError{{Field: "Last-Event-ID", Message: "is not an event id of this stream"}}}
	}
	return cur, true, nil
}

// unavailable wraps a hub failure as a 503.
func unavailable(err error) error {
	if errors.Is(err, ErrClosed) {
		return &problem.Error{Kind: problem.KindUnavailable, Detail: "The server is shutting down; reconnect.", Err: err}
	}
	return &problem.Error{Kind: problem.KindUnavailable, Detail: "Events are unavailable right now; reconnect.", Err: err}
}
