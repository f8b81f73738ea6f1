package events

// Winner is one winning ticket of a draw.
type Winner struct {
	Tier      int    `json:"tier"` // 1 for the first ticket drawn
	TicketID  string `json:"ticket_id"`
	TicketNum int    `json:"ticket_num"`
	UserID    string `json:"user_id"`
	// Participant is the winner's public id in the proof (tickup-draw-v1), safe to show.
	Participant string `json:"participant,omitempty"`
}

// DrawCompleted reports the winners of a pool's draw; its subject ends with the pool id.
// The prize fields let the wallet pay CASH prizes without asking ticketing.
type DrawCompleted struct {
	SchemaVersion   int      `json:"schema_version"`
	DrawID          string   `json:"draw_id"`
	PoolID          string   `json:"pool_id"`
	PrizeID         string   `json:"prize_id"`
	PrizeType       string   `json:"prize_type,omitempty"` // e.g. CASH
	PrizeValueCents int64    `json:"prize_value_cents"`    // per winner
	Currency        string   `json:"currency"`
	Algorithm       string   `json:"algorithm"`  // tickup-draw-v1
	ProofHash       string   `json:"proof_hash"` // hex SHA-256 of the published proof
	Winners         []Winner `json:"winners"`
}

// EventType implements Event.
func (DrawCompleted) EventType() string { return TypeDrawCompleted.String() }

// EventSubject implements Event.
func (e DrawCompleted) EventSubject() string { return TypeDrawCompleted.Subject(e.PoolID) }
