package domain

// Beacon is the public randomness of a drand round fixed after the pool is
// full; it is mixed into S so that not even Tickup knew S at sale time.
type Beacon struct {
	Round      uint64
	Randomness []byte
}

// Input is everything a draw depends on.
type Input struct {
	PoolID       string
	Seed         []byte
	Tickets      []Ticket // the tickets taking part, numbers ≥ 1 strictly increasing (gaps allowed)
	WinnersCount int
	Beacon       *Beacon // optional
	Terms        *Terms  // the pool's draw terms, repeated in the proof; S does not depend on them
}

// Winner is the ticket that won a tier; tier 1 is drawn first.
type Winner struct {
	Tier        int    `json:"tier"`
	TicketNum   int64  `json:"ticket_num"`
	Participant string `json:"participant"`
}

// Result is the outcome of a draw and the values needed to prove it.
type Result struct {
	TicketsHash [32]byte
	S           [32]byte
	WordsUsed   uint64
	Winners     []Winner
}

// Draw runs tickup-draw-v1 on a validated input. It is deterministic: the
// same input always gives the same result.
func Draw(in Input) (Result, error) {
	if err := in.validate(); err != nil {
		return Result{}, err
	}
	e := TicketsHash(in.Tickets)
	s := DrawSeed(in.Seed, in.PoolID, e, uint64(len(in.Tickets)), in.beaconBytes())
	words := NewWords(s)
	winners := pickWinners(words, in.Tickets, in.WinnersCount)
	return Result{TicketsHash: e, S: s, WordsUsed: words.Used(), Winners: winners}, nil
}

// beaconBytes is the beacon part of S's message: empty without a beacon.
func (in Input) beaconBytes() []byte {
	if in.Beacon == nil {
		return nil
	}
	return in.Beacon.Randomness
}

// pickWinners draws k tiers: each time x = uniform(remaining weight) and the
// first remaining ticket, in ticket order, with x < cumulative weight wins
// and leaves the draw.
func pickWinners(src WordSource, tickets []Ticket, k int) []Winner {
	tree := newWeightTree(tickets)
	winners := make([]Winner, 0, k)
	for tier := 1; tier <= k; tier++ {
		i := tree.find(uniform(src, tree.total))
		winners = append(winners, Winner{Tier: tier, TicketNum: tickets[i].Num, Participant: tickets[i].Participant})
		tree.remove(i, uint64(tickets[i].Weight))
	}
	return winners
}
