package realtime

import (
	"bytes"
	"encoding/json"
	"strings"

	"tickup.dev/pkg/contract/events"
)

// projector turns an event into the data a client may see, or reports that it sees nothing.
type projector func(e Event) ([]byte, bool)

// publicTicket is what anyone may know about a pool's ticket: no user, purchase or amount.
type publicTicket struct {
	SchemaVersion int    `json:"schema_version"`
	PoolID        string `json:"pool_id"`
	TicketID      string `json:"ticket_id,omitempty"`
	TicketNum     int    `json:"ticket_num,omitempty"`
	Weight        int    `json:"weight,omitempty"`
}

// drawResult is a draw's outcome; the public one lists winners by ticket only.
type drawResult struct {
	SchemaVersion   int      `json:"schema_version"`
	DrawID          string   `json:"draw_id"`
	PoolID          string   `json:"pool_id"`
	PrizeID         string   `json:"prize_id,omitempty"`
	PrizeType       string   `json:"prize_type,omitempty"`
	PrizeValueCents int64    `json:"prize_value_cents,omitempty"`
	Currency        string   `json:"currency,omitempty"`
	Algorithm       string   `json:"algorithm"`
	ProofHash       string   `json:"proof_hash"`
	Winners         []winner `json:"winners"`
}

// winner is a winning ticket.
type winner struct {
	Tier      int    `json:"tier"`
	TicketID  string `json:"ticket_id,omitempty"`
	TicketNum int    `json:"ticket_num"`
}

// publicProjection is what the pool stream shows: pool states as they are, tickets and
// draw results without personal data; rejections are nobody else's business.
func publicProjection(e Event) ([]byte, bool) {
	switch {
	case strings.HasPrefix(string(e.Type), "tickup.ticketing.pool."):
		return reencode[events.Pool](e.Data, func(p events.Pool) any { return p })
	case e.Type == events.TypeTicketRejected:
		return nil, false
	case strings.HasPrefix(string(e.Type), "tickup.ticketing.ticket."):
		return reencode[events.Ticket](e.Data, func(t events.Ticket) any {
			return publicTicket{t.SchemaVersion, t.PoolID, t.TicketID, t.TicketNum, t.Weight}
		})
	case e.Type == events.TypeDrawCompleted:
		return reencode[events.DrawCompleted](e.Data, func(d events.DrawCompleted) any {
			r := drawResult{SchemaVersion: d.SchemaVersion, DrawID: d.DrawID, PoolID: d.PoolID,
				Algorithm: d.Algorithm, ProofHash: d.ProofHash, Winners: []winner{}}
			for _, w := range d.Winners {
				r.Winners = append(r.Winners, winner{Tier: w.Tier, TicketNum: w.TicketNum})
			}
			return r
		})
	}
	return nil, false
}

// privateProjection is what userID's own stream shows: their events as published, and of
// a draw only their own winning tickets.
func privateProjection(userID string) projector {
	return func(e Event) ([]byte, bool) {
		if e.Type != events.TypeDrawCompleted {
			var out bytes.Buffer
			if json.Compact(&out, e.Data) != nil {
				return nil, false
			}
			return out.Bytes(), true
		}
		return reencode[events.DrawCompleted](e.Data, func(d events.DrawCompleted) any {
			r := drawResult{SchemaVersion: d.SchemaVersion, DrawID: d.DrawID, PoolID: d.PoolID,
				PrizeID: d.PrizeID, PrizeType: d.PrizeType, PrizeValueCents: d.PrizeValueCents,
				Currency: d.Currency, Algorithm: d.Algorithm, ProofHash: d.ProofHash, Winners: []winner{}}
			for _, w := range d.Winners {
				if strings.EqualFold(w.UserID, userID) {
					r.Winners = append(r.Winners, winner{w.Tier, w.TicketID, w.TicketNum})
				}
			}
			return r
		})
	}
}

// reencode decodes data as T and encodes what view makes of it; undecodable data shows nothing.
func reencode[T any](data []byte, view func(T) any) ([]byte, bool) {
	var v T
	if json.Unmarshal(data, &v) != nil {
		return nil, false
	}
	out, err := json.Marshal(view(v))
	return out, err == nil
}
