package domain

// Reversal is a card payment the provider gave back (refunded or disputed), as ticketing
// learns it: the purchase, and why (the reason its ticket events carry).
type Reversal struct {
	Purchase Purchase
	Reason   string
}

// ReversalSnapshot is what the decision needs, read under the pool's lock.
type ReversalSnapshot struct {
	Pool         *Pool  // nil when the purchase names no pool of ours
	Outcome      string // the purchase's outcome (PurchaseIssued, …); "" when undecided
	Voided       bool   // its ticket (ENTRY, RETRY) or boost (BOOST) is voided already
	VoidedInPool int    // tickets of the pool voided so far
}

// ReversalFate is what becomes of a reversed purchase's ticket.
type ReversalFate int

// The fates of a reversed purchase.
const (
	FateNothing ReversalFate = iota // no ticket to act on, or acted on before
	FateReject                      // no outcome yet: it is rejected now, so never issued
	FateVoid                        // its pool is OPEN: the ticket or boost is voided
	FateKeep                        // its pool is past OPEN: the ticket stands, operators review it
)

// DecideReversal voids a reversed purchase's ticket only while its pool is OPEN, and only
// if the pool can still fill with at least as many live tickets as winners (its voided
// numbers are never reused, so each one voided is one live ticket fewer at the draw).
func DecideReversal(s ReversalSnapshot) ReversalFate {
	switch {
	case s.Outcome == "":
		return FateReject
	case s.Outcome == PurchaseRejected || s.Voided || s.Pool == nil:
		return FateNothing
	case s.Pool.State != StateOpen:
		return FateKeep
	case s.Outcome == PurchaseIssued && s.Pool.TicketsRequired-(s.VoidedInPool+1) < s.Pool.WinnersCount:
		return FateKeep
	}
	return FateVoid
}
