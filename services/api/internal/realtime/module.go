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

// DefaultHeartbeat is how often an idle stream gets a comment line.
const DefaultHeartbeat = 15 * time.Second

// Module serves the event streams.
type Module struct {
	hub       *Hub
	log       *slog.Logger
	heartbeat time.Duration
}

// NewModule returns the streams module; heartbeat <= 0 means DefaultHeartbeat.
func NewModule(hub *Hub, log *slog.Logger, heartbeat time.Duration) *Module {
	if heartbeat <= 0 {
		heartbeat = DefaultHeartbeat
	}
	return &Module{hub: hub, log: log, heartbeat: heartbeat}
}

// streamDescription explains the protocol once, for both routes.
const streamDescription = "Server-Sent Events. The first event, `ready`, carries the current position as its id. " +
	"Each event's `id` encodes the stream positions: reconnect with `Last-Event-ID` (or ?last_event_id=) to " +
	"receive exactly what came after it. Comment lines are sent every 15 s. Events of one producer arrive in order."

// Register adds the stream routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag("realtime", "Server-Sent Events streams.")
	sse := []openapi.Response{{Status: http.StatusOK, ContentType: "text/event-stream",
		Description: "An endless stream of events."}}
	resume := []openapi.Parameter{
		openapi.Header("Last-Event-ID", "The id of the last event received.", openapi.String("")),
		openapi.Query("last_event_id", "Same as the Last-Event-ID header.", openapi.String("")),
	}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}/events", Access: httpapi.Public,
		Tags: []string{"realtime"}, Summary: "A pool's progress, state changes and draw result",
		Description: describe(poolView()), Parameters: resume, Responses: sse,
	}, m.poolEvents)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/me/events", Access: httpapi.User, QueryToken: true,
		Tags: []string{"realtime"}, Summary: "The caller's purchases, tickets, wallet entries and wins",
		Description: describe(userView()), Parameters: resume, Responses: sse,
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
