package domain

import "slices"

// Proof is the public record of a draw (GET /api/v1/draws/{pool_id}, and the
// file `tickup verify-draw --file` reads). Its JSON is pinned by
// tickup-draw-v1; byte values are lowercase hex.
type Proof struct {
	Algorithm   string       `json:"algorithm"`
	PoolID      string       `json:"pool_id"`
	Commitment  HexBytes     `json:"commitment"`
	Terms       *Terms       `json:"terms"` // as fixed when the pool was created
	Seed        HexBytes     `json:"seed"`
	Tickets     []Ticket     `json:"tickets"`
	TicketsHash HexBytes     `json:"tickets_hash"`
	N           uint64       `json:"n"`
	Beacon      *ProofBeacon `json:"beacon"`
	WordsUsed   uint64       `json:"words_used"`
	Winners     []Winner     `json:"winners"`
}

// ProofBeacon is the drand round mixed into S, as published in a proof.
type ProofBeacon struct {
	Round      uint64   `json:"round"`
	Randomness HexBytes `json:"randomness"`
}

// NewProof builds the public proof of a draw from its input and result.
func NewProof(in Input, res Result) Proof {
	commitment := Commitment(in.Seed)
	p := Proof{
		Algorithm:   Algorithm,
		PoolID:      in.PoolID,
		Commitment:  commitment[:],
		Seed:        slices.Clone(in.Seed),
		Tickets:     slices.Clone(in.Tickets),
		TicketsHash: slices.Clone(res.TicketsHash[:]),
		N:           uint64(len(in.Tickets)),
		WordsUsed:   res.WordsUsed,
		Winners:     slices.Clone(res.Winners),
	}
	if in.Terms != nil {
		terms := *in.Terms
		p.Terms = &terms
	}
	if in.Beacon != nil {
		p.Beacon = &ProofBeacon{Round: in.Beacon.Round, Randomness: slices.Clone(in.Beacon.Randomness)}
	}
	return p
}

// Input returns the draw input the proof claims: its pool, seed, tickets
// and beacon, with as many winners as its terms fix (one per listed tier
// when it shows no terms).
func (p Proof) Input() Input {
	in := Input{PoolID: p.PoolID, Seed: p.Seed, Tickets: p.Tickets, WinnersCount: len(p.Winners), Terms: p.Terms}
	if p.Terms != nil {
		in.WinnersCount = p.Terms.WinnersCount
	}
	if p.Beacon != nil {
		in.Beacon = &Beacon{Round: p.Beacon.Round, Randomness: p.Beacon.Randomness}
	}
	return in
}
