package domain

import "fmt"

// Kind classifies a refusal; the ports map each kind to one response status.
type Kind int

// Kinds of refusal.
const (
	KindInvalid     Kind = iota + 1 // bad input: Fields says which
	KindNotFound                    // the named thing does not exist
	KindConflict                    // the request clashes with the current state
	KindUnavailable                 // a dependency did not answer; retry later
)

// Codes of refusal: the last segment of the problem type the caller receives.
const (
	CodeValidation      = "validation-failed"
	CodePrizeNotFound   = "prize-not-found"
	CodePoolNotFound    = "pool-not-found"
	CodeTicketNotFound  = "ticket-not-found"
	CodePrizeOutOfStock = "prize-out-of-stock"
	CodePrizeInUse      = "prize-in-use"
	CodePoolNotOpen     = "pool-not-open"
	CodePoolHasSales    = "pool-has-sales"
	CodePoolState       = "pool-state-conflict"
	CodeDrawUnavailable = "draw-unavailable"
)

// Error is a refusal the caller can act on.
type Error struct {
	Kind   Kind
	Code   string
	Detail string
	Fields map[string]string // KindInvalid: field name → what is wrong
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Detail }

func refuse(kind Kind, code, format string, args ...any) *Error {
	return &Error{Kind: kind, Code: code, Detail: fmt.Sprintf(format, args...)}
}

// ErrPrizeNotFound says that no prize has id.
func ErrPrizeNotFound(id fmt.Stringer) *Error {
	return refuse(KindNotFound, CodePrizeNotFound, "prize %s does not exist", id)
}

// ErrPoolNotFound says that no pool has id.
func ErrPoolNotFound(id fmt.Stringer) *Error {
	return refuse(KindNotFound, CodePoolNotFound, "pool %s does not exist", id)
}

// ErrTicketNotFound says that no ticket has id (or none the caller may see).
func ErrTicketNotFound(id fmt.Stringer) *Error {
	return refuse(KindNotFound, CodeTicketNotFound, "ticket %s does not exist", id)
}

// ErrOutOfStock says that a prize cannot back another pool.
func ErrOutOfStock(id fmt.Stringer, stock, want int) *Error {
	return refuse(KindConflict, CodePrizeOutOfStock,
		"prize has no stock: prize %s has %d unit(s) left and the pool needs %d", id, stock, want)
}

// ErrPrizeInUse says that a prize still has pools in play.
func ErrPrizeInUse(id fmt.Stringer, pools int) *Error {
	return refuse(KindConflict, CodePrizeInUse,
		"prize %s has %d pool(s) OPEN, FULL or STARTED; cancel or finish them first", id, pools)
}

// ErrDrawUnavailable says that the draw service gave no commitment, so no pool was made.
func ErrDrawUnavailable(err error) *Error {
	return refuse(KindUnavailable, CodeDrawUnavailable,
		"the draw service gave no commitment for the pool, so it was not created; retry later (%v)", err)
}
