package domain

// Reversal is a card payment the provider gave back (refunded or disputed), as ticketing
// learns it: the purchase, and why (the reason its ticket events carry).
type Reversal struct {
	Purchase Purchase
	Reason   string
}

// ReversalSnapshot is what the decision needs, read under the pool's lock.
type ReversalSnapshot struct {
	Pool          *Pool   // nil when the purchase names no pool of ours
	Outcome       string  // the purchase's outcome (PurchaseIssued, …); "" when undecided
	OutcomeReason string  // why it was rejected
	Voided        bool    // its ticket (ENTRY, RETRY) or boost (BOOST) is voided already
	VoidedInPool  int     // tickets of the pool voided so far
	Ticket        *Ticket // the purchase's ticket (for a BOOST, the boosted one); nil when it has none
	Boost         *Boost  // a BOOST purchase's boost
	// TicketBoosts are the live boosts of an ENTRY or RETRY purchase's ticket, in the order
	// bought: voiding the ticket voids them too.
	TicketBoosts []Boost
}

// ReversalFate is what becomes of a reversed purchase's ticket.
type ReversalFate int

// The fates of a reversed purchase.
const (
	FateReject ReversalFate = iota // no outcome yet: it is rejected now, so never issued
	FateVoid                       // its pool is OPEN: the ticket or boost is voided
	FateKeep                       // nothing is voided: operators review the case
)

// ReversalVerdict is the fate of a reversed purchase, why when it is kept, and the
// purchases to refund when it is voided.
type ReversalVerdict struct {
	Fate    ReversalFate
	Why     string
	Refunds []Refund
}

// DecideReversal voids a reversed purchase's ticket only while its pool is OPEN, and only
// if the pool can still fill with at least as many live tickets as winners (voided numbers
// are never reused, so each one voided is one live ticket fewer at the draw). A ticket that
// Tickup already rejected or voided was refunded by Tickup too: an operator must look.
// reason is why the payment was given back.
func DecideReversal(s ReversalSnapshot, reason string) ReversalVerdict {
	keep := func(why string) ReversalVerdict { return ReversalVerdict{Fate: FateKeep, Why: why} }
	switch {
	case s.Outcome == "":
		return ReversalVerdict{Fate: FateReject}
	case s.Outcome == PurchaseRejected:
		return keep("Tickup refunded it already: its ticket was rejected (" + s.OutcomeReason + ")")
	case s.Pool == nil:
		return keep(ReasonPoolNotFound)
	case s.Voided:
		return keep("Tickup refunded it already: its ticket was voided (pool " + string(s.Pool.State) + ")")
	case s.Pool.State != StateOpen:
		return keep("the ticket stands: its pool is " + string(s.Pool.State))
	case s.Outcome == PurchaseIssued && s.Pool.TicketsRequired-(s.VoidedInPool+1) < s.Pool.WinnersCount:
		return keep("the ticket stands: voiding it would leave the pool fewer tickets than winners")
	}
	return ReversalVerdict{Fate: FateVoid, Refunds: s.voids(reason)}
}

// voids lists what voiding the purchase refunds: a BOOST's boost alone; an ENTRY's or a
// RETRY's ticket, and the live boosts bought on it (paid separately, so refunded as usual).
func (s ReversalSnapshot) voids(reason string) []Refund {
	if s.Ticket == nil {
		return nil
	}
	if s.Boost != nil {
		return []Refund{{Ticket: *s.PurchaseTicket(), PurchaseType: PurchaseBoost, Reason: reason}}
	}
	out := []Refund{{Ticket: *s.Ticket, PurchaseType: s.Ticket.Source, Reason: reason}}
	for _, b := range s.TicketBoosts {
		out = append(out, Refund{Ticket: s.Ticket.BoostedBy(b), PurchaseType: PurchaseBoost, Reason: ReasonBoostedVoided})
	}
	return out
}

// PurchaseTicket is the ticket as the events about the reversed purchase describe it: for
// a BOOST, the boosted ticket with the boost's purchase and payment; nil when it has none.
func (s ReversalSnapshot) PurchaseTicket() *Ticket {
	if s.Ticket == nil || s.Boost == nil {
		return s.Ticket
	}
	t := s.Ticket.paidBy(*s.Boost)
	return &t
}
