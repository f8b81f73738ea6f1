package events

// Pool is the body shared by the pool lifecycle events; their subjects end with the pool id.
type Pool struct {
	SchemaVersion   int    `json:"schema_version"`
	PoolID          string `json:"pool_id"`
	PrizeID         string `json:"prize_id"`
	State           string `json:"state"` // OPEN, FULL, STARTED, DRAWN, CANCELLED
	TicketsSold     int    `json:"tickets_sold"`
	TicketsRequired int    `json:"tickets_required"`
	WinnersCount    int    `json:"winners_count"`
	Commitment      string `json:"commitment,omitempty"` // hex SHA-256 of the draw seed
	Reason          string `json:"reason,omitempty"`     // why it was cancelled
}

// PoolOpened reports a pool open for sale.
type PoolOpened Pool

// PoolFull reports that a pool sold its last ticket.
type PoolFull Pool

// PoolStarted reports that a pool's ticket list is frozen for its draw.
type PoolStarted Pool

// PoolDrawn reports that a pool's draw result is recorded.
type PoolDrawn Pool

// PoolCancelled reports a cancelled pool; its tickets are voided one by one.
type PoolCancelled Pool

// Ticket is the body shared by the ticket events; their subjects end with the pool id.
type Ticket struct {
	SchemaVersion int    `json:"schema_version"`
	TicketID      string `json:"ticket_id,omitempty"` // empty when rejected before issue
	PurchaseID    string `json:"purchase_id"`
	PoolID        string `json:"pool_id"`
	UserID        string `json:"user_id"`
	PurchaseType  string `json:"purchase_type"` // PurchaseEntry, PurchaseBoost, PurchaseRetry
	TicketNum     int    `json:"ticket_num,omitempty"`
	Weight        int    `json:"weight,omitempty"`
	AmountCents   int64  `json:"amount_cents"`
	Currency      string `json:"currency"`
	Reason        string `json:"reason,omitempty"` // why rejected or voided
	// PaymentMethod is the purchase's PaymentWallet or PaymentProvider: the wallet refunds
	// a card-paid purchase as store credit and releases or reverses a wallet-paid one.
	PaymentMethod string `json:"payment_method"`
	// RetryOfTicketID is the losing ticket a RETRY ticket retries.
	RetryOfTicketID string `json:"retry_of_ticket_id,omitempty"`
	// PoolState is the pool's state when a ticket was kept (ticket.kept).
	PoolState string `json:"pool_state,omitempty"`
}

// TicketIssued reports a ticket numbered in its pool.
type TicketIssued Ticket

// TicketBoosted reports a ticket whose draw weight grew by one.
type TicketBoosted Ticket

// TicketRejected reports a purchase ticketing refused (pool not open, full, caps).
type TicketRejected Ticket

// TicketVoided reports a voided ticket (its pool was cancelled, or its card payment was
// refunded or disputed while the pool was OPEN: see ProviderReturnedMoney); it keeps its
// number, which is never reused.
type TicketVoided Ticket

// TicketKept reports a purchase whose card payment the provider gave back but whose ticket
// (or boost) ticketing did not void: its pool is past OPEN (full, drawing or drawn),
// voiding it would leave the pool fewer tickets than winners, or Tickup had already
// rejected or voided it (and refunded it). Reason says which; operators review the case.
type TicketKept Ticket

// EventType implements Event.
func (PoolOpened) EventType() string { return TypePoolOpened.String() }

// EventSubject implements Event.
func (e PoolOpened) EventSubject() string { return TypePoolOpened.Subject(e.PoolID) }

// EventType implements Event.
func (PoolFull) EventType() string { return TypePoolFull.String() }

// EventSubject implements Event.
func (e PoolFull) EventSubject() string { return TypePoolFull.Subject(e.PoolID) }

// EventType implements Event.
func (PoolStarted) EventType() string { return TypePoolStarted.String() }

// EventSubject implements Event.
func (e PoolStarted) EventSubject() string { return TypePoolStarted.Subject(e.PoolID) }

// EventType implements Event.
func (PoolDrawn) EventType() string { return TypePoolDrawn.String() }

// EventSubject implements Event.
func (e PoolDrawn) EventSubject() string { return TypePoolDrawn.Subject(e.PoolID) }

// EventType implements Event.
func (PoolCancelled) EventType() string { return TypePoolCancelled.String() }

// EventSubject implements Event.
func (e PoolCancelled) EventSubject() string { return TypePoolCancelled.Subject(e.PoolID) }

// EventType implements Event.
func (TicketIssued) EventType() string { return TypeTicketIssued.String() }

// EventSubject implements Event.
func (e TicketIssued) EventSubject() string { return TypeTicketIssued.Subject(e.PoolID) }

// EventType implements Event.
func (TicketBoosted) EventType() string { return TypeTicketBoosted.String() }

// EventSubject implements Event.
func (e TicketBoosted) EventSubject() string { return TypeTicketBoosted.Subject(e.PoolID) }

// EventType implements Event.
func (TicketRejected) EventType() string { return TypeTicketRejected.String() }

// EventSubject implements Event.
func (e TicketRejected) EventSubject() string { return TypeTicketRejected.Subject(e.PoolID) }

// EventType implements Event.
func (TicketVoided) EventType() string { return TypeTicketVoided.String() }

// EventSubject implements Event.
func (e TicketVoided) EventSubject() string { return TypeTicketVoided.Subject(e.PoolID) }

// EventType implements Event.
func (TicketKept) EventType() string { return TypeTicketKept.String() }

// EventSubject implements Event.
func (e TicketKept) EventSubject() string { return TypeTicketKept.Subject(e.PoolID) }
