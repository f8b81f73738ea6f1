package purchase

import "errors"

// Command is what must happen after Next, in the same transaction as the purchase's save.
type Command interface{ isCommand() }

// Announce emits the event of the purchase's new status: purchase.confirmed, .failed,
// .refunded or .disputed. ProviderReversal (events.ReversalRefund, …) asks ticketing to
// void the purchase's ticket while its pool is OPEN.
type Announce struct{ ProviderReversal string }

// RecordCase records a payment case of a card refund or dispute, with the purchase's
// status after the event, for operators (GET /payment-cases).
type RecordCase struct{ Kind, Resolution, Detail string }

// ResolveCases settles the purchase's pending payment cases with ticketing's answer.
type ResolveCases struct{ Resolution, PoolState, Detail string }

func (Announce) isCommand()     {}
func (RecordCase) isCommand()   {}
func (ResolveCases) isCommand() {}

// Kinds of payment case: what the provider reported.
const (
	CaseRefund      = "REFUND"
	CaseDispute     = "DISPUTE"
	CaseDisputeWon  = "DISPUTE_WON"
	CaseDisputeLost = "DISPUTE_LOST"
)

// Resolutions of a payment case: what became of the purchase's ticket, or who must act.
const (
	CasePending        = "pending"         // ticketing has not answered yet
	CaseTicketVoided   = "ticket_voided"   // its pool was OPEN: the ticket (or boost) is voided
	CaseNoTicket       = "no_ticket"       // no ticket was, or will ever be, issued for it
	CaseOperatorReview = "operator_review" // a person must decide (after the draw, twice refunded, …)
	CaseReinstated     = "reinstated"      // a dispute won while the ticket stood: CONFIRMED again
	CaseClosed         = "closed"          // nothing left to do
)

// Outcome names what an event did; webhook answers report it.
type Outcome string

// Outcomes of Next.
const (
	Confirmed      Outcome = "confirmed"       // PENDING → CONFIRMED
	Failed         Outcome = "failed"          // PENDING → FAILED
	HoldExpired    Outcome = "hold-expired"    // PENDING → FAILED at the hold deadline
	Processing     Outcome = "processing"      // a card payment under way: nothing changes
	TicketRecorded Outcome = "ticket-recorded" // the purchase's ticket is recorded
	CasesResolved  Outcome = "cases-resolved"  // only payment cases changed (ticket.kept)
	Refunded       Outcome = "refunded"        // → REFUNDED
	Disputed       Outcome = "disputed"        // → DISPUTED
	Reinstated     Outcome = "reinstated"      // DISPUTED → CONFIRMED again
	ForReview      Outcome = "operator-review" // a payment case for an operator, nothing else changed
	Unchanged      Outcome = "unchanged"       // a repeat: the purchase already is where the event puts it
	Stale          Outcome = "stale"           // the event finds the purchase past the step it answers
	// A card verdict contradicting a settled purchase changes nothing; an operator reviews it.
	FailureAfterSuccess  Outcome = "failure-after-success-ignored"  // failed, but the purchase was paid
	SuccessAfterFailure  Outcome = "success-after-failure-ignored"  // paid, but the purchase FAILED
	SuccessAfterReversal Outcome = "success-after-reversal-ignored" // paid, but it is REFUNDED or DISPUTED
)

// Contradiction reports whether o is a card verdict contradicting a settled purchase.
func Contradiction(o Outcome) bool {
	return o == FailureAfterSuccess || o == SuccessAfterFailure || o == SuccessAfterReversal
}

// Refusals: the event is not about this purchase as it was bought; nothing changes.
var (
	ErrWalletPaid       = errors.New("a wallet-paid purchase is settled by the wallet's hold")
	ErrProviderMismatch = errors.New("the purchase is not paid through this provider")
	ErrTxnMismatch      = errors.New("the purchase is paid by another provider transaction")
	ErrAmountMismatch   = errors.New("the amount or currency is not the purchase's")
	ErrExceedsPayment   = errors.New("more than the purchase paid")
)
