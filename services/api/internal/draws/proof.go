package draws

import (
	"crypto/sha256"
	"encoding/hex"
)

// DrawProof is the public proof of a pool's draw, exactly as tickup-draw-v1 publishes it
// (docs/fairness.md); byte values are lowercase hex. For a signed-in caller, the caller's own
// tickets (and winning tickets) carry "mine": true.
type DrawProof struct {
	Algorithm   string        `json:"algorithm" enum:"tickup-draw-v1"`
	PoolID      string        `json:"pool_id" format:"uuid"`
	Commitment  string        `json:"commitment" pattern:"^[0-9a-f]{64}$" doc:"SHA-256 of the seed, published before any sale."`
	Terms       *ProofTerms   `json:"terms" doc:"The draw terms fixed when the pool was created; the draw must match them."`
	Seed        string        `json:"seed" pattern:"^[0-9a-f]{64}$" doc:"The 32 secret bytes chosen when the pool was created."`
	Tickets     []ProofTicket `json:"tickets" doc:"Every ticket, in ticket_num order."`
	TicketsHash string        `json:"tickets_hash" pattern:"^[0-9a-f]{64}$" doc:"E: SHA-256 over \"{ticket_num}:{participant}:{weight}\\n\" per ticket."`
	N           uint64        `json:"n" doc:"Number of tickets."`
	Beacon      *ProofBeacon  `json:"beacon" doc:"The public randomness mixed in, or null."`
	WordsUsed   uint64        `json:"words_used" doc:"64-bit words drawn from the generator."`
	Winners     []ProofWinner `json:"winners" doc:"In tier order."`
}

// ProofTerms are the draw terms the pool showed beside its commitment before any sale.
type ProofTerms struct {
	WinnersCount int               `json:"winners_count" minimum:"1"`
	Beacon       *ProofTermsBeacon `json:"beacon" doc:"null: the draw uses no beacon."`
}

// ProofTermsBeacon is the drand chain the draw must take its round from, and the rule
// that picks the round.
type ProofTermsBeacon struct {
	ChainHash string `json:"chain_hash" pattern:"^[0-9a-f]{64}$"`
	RoundRule string `json:"round_rule" enum:"first-round-at-or-after-full+30s" doc:"The first round published at or after the moment the pool became FULL plus 30 s."`
}

// ProofTicket is one ticket of a drawn pool.
type ProofTicket struct {
	TicketNum   int64  `json:"ticket_num" minimum:"1"`
	Participant string `json:"participant" pattern:"^[0-9a-f]{16}$" doc:"First 16 hex of SHA-256(\"{pool_id}:{user_id}\")."`
	Weight      int64  `json:"weight" minimum:"1"`
	Mine        bool   `json:"mine,omitempty" doc:"true on the signed-in caller's own tickets."`
}

// ProofBeacon is the drand round whose randomness the draw used.
type ProofBeacon struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness" pattern:"^[0-9a-f]{64}$"`
}

// ProofWinner is one winning ticket.
type ProofWinner struct {
	Tier        int    `json:"tier" minimum:"1"`
	TicketNum   int64  `json:"ticket_num" minimum:"1"`
	Participant string `json:"participant" pattern:"^[0-9a-f]{16}$"`
	Mine        bool   `json:"mine,omitempty" doc:"true when the signed-in caller won it."`
}

// Verification is the server's recomputation of a draw from its stored inputs.
type Verification struct {
	PoolID     string   `json:"pool_id" format:"uuid"`
	Valid      bool     `json:"valid" doc:"true when every value of the proof recomputes exactly."`
	Mismatches []string `json:"mismatches" doc:"One line per value that does not (\"field: what differs\")."`
}

// Participant is a user's public id in a pool: the first 16 hex characters of
// SHA-256("{pool_id}:{user_id}"), both canonical lowercase UUIDs.
func Participant(poolID, userID string) string {
	sum := sha256.Sum256([]byte(poolID + ":" + userID))
	return hex.EncodeToString(sum[:8])
}

// markMine flags participant's tickets and wins and reports whether there were any.
func (p *DrawProof) markMine(participant string) bool {
	marked := false
	for i := range p.Tickets {
		if p.Tickets[i].Participant == participant {
			p.Tickets[i].Mine, marked = true, true
		}
	}
	for i := range p.Winners {
		if p.Winners[i].Participant == participant {
			p.Winners[i].Mine = true
		}
	}
	return marked
}
