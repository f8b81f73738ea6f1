package domain

import (
	"fmt"
	"time"
)

// Rejection reasons with no parameter.
const (
	ReasonPoolNotFound   = "pool not found"
	ReasonPoolFull       = "pool is full"
	ReasonNoBoosts       = "pool does not sell boosts"
	ReasonNoRetries      = "pool does not sell retries"
	ReasonBoostNeedsTkt  = "a BOOST purchase needs the ticket_id to boost"
	ReasonRetryNeedsTkt  = "a RETRY purchase needs a losing_ticket_id"
	ReasonNotYourTicket  = "the ticket to boost belongs to another user"
	ReasonNotYourLoser   = "the losing ticket belongs to another user"
	ReasonOtherPrize     = "the losing ticket is from a pool of another prize"
	ReasonDeadlinePassed = "pool closed: its deadline passed before it sold out"
	ReasonAdminCancelled = "cancelled by an administrator"
	ReasonTicketVoided   = "the ticket named is voided"
	// ReasonBoostedVoided voids the boosts of a ticket voided because its own card payment
	// was given back: they were paid separately, so they are refunded as usual.
	ReasonBoostedVoided = "the boosted ticket was voided"
)

func reasonNotOpen(s State) string { return fmt.Sprintf("pool is %s, not OPEN", s) }

func reasonClosed(at time.Time) string {
	return "pool closed for sale at " + at.UTC().Format(time.RFC3339)
}

func reasonAmount(what string, amount int64, currency string, price int64, priceCurrency string) string {
	return fmt.Sprintf("amount %d %s differs from the pool's %s price %d %s", amount, currency, what, price, priceCurrency)
}

func reasonUserCap(limit int) string {
	return fmt.Sprintf("per-user limit reached: at most %d ticket(s) per user in this pool", limit)
}

func reasonBoostCap(limit int) string {
	return fmt.Sprintf("boost limit reached: at most %d boost(s) per user in this pool", limit)
}

func reasonNotInPool(id fmt.Stringer) string {
	return fmt.Sprintf("ticket %s is not a ticket of this pool", id)
}

func reasonLoserNotFound(id fmt.Stringer) string {
	return fmt.Sprintf("losing ticket %s not found", id)
}

func reasonNotLost(id fmt.Stringer) string {
	return fmt.Sprintf("ticket %s is not a losing ticket of a drawn pool", id)
}

func reasonRetried(id fmt.Stringer) string {
	return fmt.Sprintf("losing ticket %s was already retried", id)
}

func reasonUnknownType(t string) string {
	return fmt.Sprintf("unknown purchase type %q (want ENTRY, BOOST or RETRY)", t)
}
