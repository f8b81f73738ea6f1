package realtime

import (
	"fmt"
	"strconv"
	"strings"
)

// Cursor is a position in a view's streams: for each stream, the last sequence the client
// has been given (or skipped past). Its text form, "12-0-5-3", is every SSE event's id.
type Cursor struct {
	streams []string
	seqs    []uint64
}

// newCursor returns the cursor at the given per-stream positions.
func newCursor(streams []string, at map[string]uint64) Cursor {
	c := Cursor{streams: streams, seqs: make([]uint64, len(streams))}
	for i, s := range streams {
		c.seqs[i] = at[s]
	}
	return c
}

// parseCursor reads a Last-Event-ID for a view over streams.
func parseCursor(raw string, streams []string) (Cursor, error) {
	parts := strings.Split(raw, "-")
	if len(parts) != len(streams) {
		return Cursor{}, fmt.Errorf("want %d numbers joined by '-', got %q", len(streams), raw)
	}
	c := Cursor{streams: streams, seqs: make([]uint64, len(streams))}
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 64)
		if err != nil {
			return Cursor{}, fmt.Errorf("%q is not a sequence number", p)
		}
		c.seqs[i] = n
	}
	return c, nil
}

// String is the cursor's text form.
func (c Cursor) String() string {
	parts := make([]string, len(c.seqs))
	for i, n := range c.seqs {
		parts[i] = strconv.FormatUint(n, 10)
	}
	return strings.Join(parts, "-")
}

// at returns the position in stream.
func (c Cursor) at(stream string) uint64 {
	for i, s := range c.streams {
		if s == stream {
			return c.seqs[i]
		}
	}
	return 0
}

// clamp lowers positions past the end of the streams (a stream recreated since).
func (c Cursor) clamp(end Cursor) Cursor {
	out := Cursor{streams: c.streams, seqs: append([]uint64(nil), c.seqs...)}
	for i := range out.seqs {
		out.seqs[i] = min(out.seqs[i], end.seqs[i])
	}
	return out
}

// window raises positions to at most n messages before end, which bounds what a resume
// from an old (or zero) id replays: the rest is older than a client may catch up on.
func (c Cursor) window(end Cursor, n uint64) Cursor {
	out := Cursor{streams: c.streams, seqs: append([]uint64(nil), c.seqs...)}
	for i := range out.seqs {
		if end.seqs[i] > n {
			out.seqs[i] = max(out.seqs[i], end.seqs[i]-n)
		}
	}
	return out
}

// advance moves past e and reports whether e was new to the client: events of a stream
// arrive in sequence order, so anything at or before the position was seen or skipped.
func (c *Cursor) advance(e Event) bool {
	for i, s := range c.streams {
		if s == e.Stream {
			if e.Seq <= c.seqs[i] {
				return false
			}
			c.seqs[i] = e.Seq
			return true
		}
	}
	return false
}
