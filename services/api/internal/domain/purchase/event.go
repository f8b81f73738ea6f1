package purchase

// Event is one thing that happened to a purchase, as Next reads it.
type Event interface{ eventName() string }

// The wallet's answers and the hold deadline.
type (
	// HoldPlaced: the wallet holds the price (wallet.hold.placed).
	HoldPlaced struct{}
	// HoldRejected: the wallet could not hold it (wallet.hold.rejected).
	HoldRejected struct{ Reason string }
	// HoldDeadlinePassed: the expiry sweeper found the purchase PENDING past its deadline.
	HoldDeadlinePassed struct{}
)

// A card payment's verdict, from the provider's signed webhook or the service role's PUT.
// Provider, AmountCents and Currency are the webhook's report, checked against the
// purchase; an empty Provider is the service role's PUT, which reports no amount.
type (
	// PaymentSucceeded: the card payment TxnID succeeded.
	PaymentSucceeded struct{ Payment }
	// PaymentFailed: the card payment failed, for Reason.
	PaymentFailed struct {
		Payment
		Reason string
	}
	// PaymentProcessing: the card payment is under way; nothing changes.
	PaymentProcessing struct{ Payment }
)

// Payment is what a provider reports about a card payment.
type Payment struct {
	Provider    string
	TxnID       string
	AmountCents int64
	Currency    string
}

// Ticketing's answers (ticketing.ticket.*).
type (
	// TicketIssued: the purchase's ticket was issued, or its boost applied.
	TicketIssued struct{ TicketID string }
	// TicketRejected: no ticket will be issued (the pool closed, a rule failed, …).
	TicketRejected struct{ Reason string }
	// TicketVoided: the purchase's ticket was voided (pool cancelled, card refunded, …).
	TicketVoided struct{ Reason string }
	// TicketKept: ticketing could not void the ticket of a card refund or dispute.
	TicketKept struct{ Reason, PoolState string }
)

// The provider gave a card payment back, or may: a refund (AmountCents is the total
// refunded so far), a dispute opened, won or lost (AmountCents is the disputed amount).
type (
	// CardRefunded: the provider refunded the card.
	CardRefunded struct{ Reversal }
	// CardDisputed: the buyer disputed the card payment.
	CardDisputed struct{ Reversal }
	// DisputeWon: the dispute closed in our favour. TicketStood says that the case of the
	// dispute's opening found the ticket kept (its pool past OPEN).
	DisputeWon struct {
		Reversal
		TicketStood bool
	}
	// DisputeLost: the dispute closed against us; the money is gone.
	DisputeLost struct{ Reversal }
)

// Reversal is what a provider reports about a refund or a dispute.
type Reversal struct {
	Provider    string
	TxnID       string // may be empty when the purchase is named by id
	AmountCents int64
	Currency    string
}

func (HoldPlaced) eventName() string         { return "hold placed" }
func (HoldRejected) eventName() string       { return "hold rejected" }
func (HoldDeadlinePassed) eventName() string { return "hold deadline passed" }
func (PaymentSucceeded) eventName() string   { return "payment succeeded" }
func (PaymentFailed) eventName() string      { return "payment failed" }
func (PaymentProcessing) eventName() string  { return "payment processing" }
func (TicketIssued) eventName() string       { return "ticket issued" }
func (TicketRejected) eventName() string     { return "ticket rejected" }
func (TicketVoided) eventName() string       { return "ticket voided" }
func (TicketKept) eventName() string         { return "ticket kept" }
func (CardRefunded) eventName() string       { return "card refunded" }
func (CardDisputed) eventName() string       { return "card disputed" }
func (DisputeWon) eventName() string         { return "dispute won" }
func (DisputeLost) eventName() string        { return "dispute lost" }

// Name says what the event is, for logs.
func Name(e Event) string { return e.eventName() }
