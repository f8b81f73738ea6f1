// Package realtime serves Server-Sent Events fed from NATS JetStream: a pool's public
// progress (GET /pools/{id}/events) and a user's own purchases, tickets, wallet entries
// and wins (GET /me/events). Each gateway replica runs one Hub that follows the streams
// and fans events out to its clients, so any replica serves any client; every event's id
// encodes the stream sequences seen, so Last-Event-ID resumes exactly after it.
package realtime

import (
	"slices"

	"tickup.dev/pkg/contract/events"
)

// view is what one SSE endpoint shows: the streams it follows (in the order of the id
// vector), the event types it shows, and how a client's id becomes a routing key.
type view struct {
	prefix  string // routing key prefix: "pool:" or "user:"
	streams []string
	types   []events.Type
	scoped  bool // replay filters on subjects ending with the id (pool-scoped types)
}

// poolView is a pool's public progress: its pool and ticket events and its draw result. A
// rejected purchase concerns its buyer only, so rejections are left out.
func poolView() view {
	return view{
		prefix:  "pool:",
		streams: []string{events.StreamTicketing, events.StreamDraw},
		types: []events.Type{
			events.TypePoolOpened, events.TypePoolFull, events.TypePoolStarted, events.TypePoolDrawn,
			events.TypePoolCancelled, events.TypeTicketIssued, events.TypeTicketBoosted,
			events.TypeTicketVoided, events.TypeDrawCompleted,
		},
		scoped: true,
	}
}

// userView is one user's own events.
func userView() view {
	return view{
		prefix:  "user:",
		streams: []string{events.StreamAPI, events.StreamTicketing, events.StreamWallet, events.StreamDraw},
		types: []events.Type{
			events.TypePurchaseCreated, events.TypePurchaseConfirmed, events.TypePurchaseFailed,
			events.TypePurchaseRefunded, events.TypePurchaseDisputed, events.TypeTicketIssued, events.TypeTicketBoosted,
			events.TypeTicketRejected, events.TypeTicketVoided, events.TypeEntryPosted, events.TypeDrawCompleted,
		},
	}
}

// views lists every view the hub feeds.
func views() []view { return []view{poolView(), userView()} }

// key is the routing key of id's stream in this view.
func (v view) key(id string) string { return v.prefix + id }

// shows reports whether the view shows events of type t.
func (v view) shows(t events.Type) bool { return slices.Contains(v.types, t) }

// filters returns the subject filters of stream for id's replay.
func (v view) filters(stream, id string) []string {
	var out []string
	for _, t := range v.types {
		if t.Stream() != stream {
			continue
		}
		if v.scoped {
			out = append(out, t.Subject(id))
		} else {
			out = append(out, t.Filter())
		}
	}
	return out
}

// feeds returns, per stream, the filters the hub follows: every type of every view.
func feeds() map[string][]string {
	out := map[string][]string{}
	for _, v := range views() {
		for _, t := range v.types {
			if f := t.Filter(); !slices.Contains(out[t.Stream()], f) {
				out[t.Stream()] = append(out[t.Stream()], f)
			}
		}
	}
	return out
}

// eventNames lists the SSE event names the view sends, for the documentation.
func (v view) eventNames() []string {
	names := []string{"ready"}
	for _, t := range v.types {
		names = append(names, Event{Type: t}.name())
	}
	return names
}
