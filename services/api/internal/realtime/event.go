package realtime

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// Event is one stored event as the hub and the replays see it.
type Event struct {
	Stream string
	Seq    uint64 // stream sequence
	Type   events.Type
	Data   []byte
	keys   []string // routing keys: "pool:<id>", "user:<id>"
}

// envelope is the part of any payload that routes it.
type envelope struct {
	PoolID  string `json:"pool_id"`
	UserID  string `json:"user_id"`
	Winners []struct {
		UserID string `json:"user_id"`
	} `json:"winners"`
}

// newEvent builds an Event from a received message.
func newEvent(stream string, seq uint64, subject string, h nats.Header, data []byte) Event {
	e := Event{Stream: stream, Seq: seq, Type: typeOf(subject, h.Get(bus.HeaderType)), Data: data}
	e.keys = keysOf(e.Type, data)
	return e
}

// typeOf takes the type from the Ce-Type header, or recognises it from the subject.
func typeOf(subject, header string) events.Type {
	if header != "" {
		return events.Type(header)
	}
	for _, t := range events.Types() {
		if subject == string(t) || strings.HasPrefix(subject, string(t)+".") {
			return t
		}
	}
	return ""
}

// keysOf returns the routing keys of a payload: its pool for the pool view, its user (or
// a draw's winners) for the user view. An undecodable payload routes nowhere.
func keysOf(t events.Type, data []byte) []string {
	var env envelope
	if json.Unmarshal(data, &env) != nil {
		return nil
	}
	var keys []string
	pools, users := poolView(), userView()
	if pools.shows(t) && env.PoolID != "" {
		keys = append(keys, pools.key(strings.ToLower(env.PoolID)))
	}
	if users.shows(t) {
		if env.UserID != "" {
			keys = append(keys, users.key(strings.ToLower(env.UserID)))
		}
		for _, w := range env.Winners {
			if k := users.key(strings.ToLower(w.UserID)); w.UserID != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// routesTo reports whether the event is for routing key.
func (e Event) routesTo(key string) bool { return slices.Contains(e.keys, key) }

// name is the SSE event name: the type without the "tickup." root.
func (e Event) name() string { return strings.TrimPrefix(string(e.Type), events.Root+".") }
