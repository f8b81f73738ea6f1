package realtime

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/events"
)

const (
	pool = "0190a7e2-0000-7000-8000-000000000001"
	ann  = "0190a7e2-0000-7000-8000-00000000000a"
	bob  = "0190a7e2-0000-7000-8000-00000000000b"
)

func encoded(t *testing.T, e events.Event) Event {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	typ := events.Type(e.EventType())
	return Event{Stream: typ.Stream(), Seq: 1, Type: typ, Data: data, keys: keysOf(typ, data)}
}

func TestCursor(t *testing.T) {
	t.Parallel()
	streams := userView().streams
	c, err := parseCursor("1-2-3-4", streams)
	if err != nil || c.String() != "1-2-3-4" || c.at(events.StreamWallet) != 3 {
		t.Fatalf("cursor %v, %v", c, err)
	}
	for _, bad := range []string{"", "1-2-3", "1-2-3-x", "1-2-3--4", "-1-2-3-4"} {
		if _, err := parseCursor(bad, streams); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if !c.advance(Event{Stream: events.StreamAPI, Seq: 5}) || c.advance(Event{Stream: events.StreamAPI, Seq: 5}) ||
		c.advance(Event{Stream: events.StreamDraw, Seq: 4}) || c.String() != "5-2-3-4" {
		t.Errorf("advance gave %s", c)
	}
	if got := c.clamp(newCursor(streams, map[string]uint64{events.StreamAPI: 3, events.StreamTicketing: 9})); got.String() != "3-2-0-0" {
		t.Errorf("clamp = %s", got)
	}
	end := newCursor(streams, map[string]uint64{events.StreamAPI: 100, events.StreamTicketing: 9, events.StreamWallet: 50})
	if got := c.window(end, 10); got.String() != "90-2-40-4" {
		t.Errorf("window = %s, want at most 10 behind each end", got)
	}
}

func TestRoutingAndProjections(t *testing.T) {
	t.Parallel()
	ticket := encoded(t, events.TicketIssued{SchemaVersion: 1, TicketID: "t1", PurchaseID: "p1", PoolID: pool, UserID: ann,
		TicketNum: 7, Weight: 1, AmountCents: 500, Currency: "EUR"})
	draw := encoded(t, events.DrawCompleted{SchemaVersion: 1, DrawID: "d1", PoolID: pool, ProofHash: "ff",
		Winners: []events.Winner{{Tier: 1, TicketID: "t2", TicketNum: 2, UserID: bob}, {Tier: 2, TicketID: "t1", TicketNum: 7, UserID: ann}}})
	entry := encoded(t, events.EntryPosted{SchemaVersion: 1, EntryID: "e1", UserID: ann, AmountCents: 500})
	rejected := encoded(t, events.TicketRejected{SchemaVersion: 1, PoolID: pool, UserID: ann, Reason: "cap"})
	for _, tc := range []struct {
		e    Event
		keys []string
	}{
		{ticket, []string{"pool:" + pool, "user:" + ann}},
		{draw, []string{"pool:" + pool, "user:" + bob, "user:" + ann}},
		{entry, []string{"user:" + ann}},
	} {
		if !slices.Equal(tc.e.keys, tc.keys) {
			t.Errorf("%s keys %v, want %v", tc.e.Type, tc.e.keys, tc.keys)
		}
	}
	public, ok := publicProjection(ticket)
	if !ok || strings.Contains(string(public), ann) || strings.Contains(string(public), "p1") || !strings.Contains(string(public), `"ticket_num":7`) {
		t.Errorf("public ticket %s", public)
	}
	if _, ok := publicProjection(rejected); ok {
		t.Error("a rejection is shown publicly")
	}
	if public, _ := publicProjection(draw); strings.Contains(string(public), ann) || strings.Contains(string(public), bob) {
		t.Errorf("public draw %s names users", public)
	}
	mine, _ := privateProjection(ann)(draw)
	var d drawResult
	if err := json.Unmarshal(mine, &d); err != nil || len(d.Winners) != 1 || d.Winners[0].TicketID != "t1" {
		t.Errorf("ann's draw %s", mine)
	}
	if own, ok := privateProjection(ann)(entry); !ok || !strings.Contains(string(own), `"entry_id":"e1"`) {
		t.Errorf("ann's entry %s", own)
	}
}

func TestViewsFilterTheirStreams(t *testing.T) {
	t.Parallel()
	got := poolView().filters(events.StreamDraw, pool)
	if !slices.Equal(got, []string{events.TypeDrawCompleted.Subject(pool)}) {
		t.Errorf("pool draw filters %v", got)
	}
	if got := userView().filters(events.StreamWallet, ann); !slices.Equal(got, []string{events.TypeEntryPosted.Filter()}) {
		t.Errorf("user wallet filters %v", got)
	}
	f := feeds()
	if len(f) != 4 || !slices.Contains(f[events.StreamTicketing], events.TypePoolFull.Filter()) ||
		slices.Contains(f[events.StreamWallet], events.TypeHoldPlaced.Filter()) {
		t.Errorf("feeds %v", f)
	}
}
