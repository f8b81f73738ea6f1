package domain

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// Domain errors. Callers wrap them with details; the ports map each to one problem type.
var (
	ErrNotFound          = errors.New("not found")
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrSuspended         = errors.New("wallet suspended")
	ErrCurrencyMismatch  = errors.New("currency mismatch")
	ErrInvalidAmount     = errors.New("amount must be a positive number of cents")
	ErrLimit             = errors.New("limit exceeded")
	ErrState             = errors.New("invalid state")
	// ErrSecondApprover refuses an approval by whoever asked for the withdrawal or owns
	// the wallet: a payout needs two people.
	ErrSecondApprover = errors.New("a second approver is required")
	// ErrInconsistent marks an event that contradicts the wallet's records: no retry can
	// apply it, so it goes to the dead-letter stream with the reason.
	ErrInconsistent = errors.New("event contradicts the wallet's records")
	// ErrHoldMissing marks a wallet-paid ticket event whose hold is not (yet) recorded: it is
	// retried, and dead-lettered if the hold never appears.
	ErrHoldMissing = errors.New("no hold recorded for a wallet-paid purchase")
)

// ValidationError lists the request fields that are wrong and why.
type ValidationError struct {
	Fields map[string]string
}

// Error implements error.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, k := range slices.Sorted(maps.Keys(e.Fields)) {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return "invalid request: " + strings.Join(parts, "; ")
}

// Validation collects field problems; Err returns nil when there are none.
type Validation map[string]string

// Require records msg for field when ok is false.
func (v Validation) Require(ok bool, field, msg string) {
	if !ok {
		if _, seen := v[field]; !seen {
			v[field] = msg
		}
	}
}

// Err returns the collected problems as a *ValidationError, or nil.
func (v Validation) Err() error {
	if len(v) == 0 {
		return nil
	}
	return &ValidationError{Fields: map[string]string(v)}
}
