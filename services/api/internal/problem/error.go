package problem

import (
	"errors"
	"fmt"
)

// Kind classifies a domain error by what the caller did wrong (or what went wrong on our
// side); every Kind maps to one HTTP status in FromError.
type Kind int

// The kinds of domain error. KindInternal is the zero value so that an Error built
// without a kind never leaks as a client error.
const (
	KindInternal      Kind = iota // a bug or an unexpected failure: 500
	KindInvalid                   // input fails validation: 422
	KindBadRequest                // the request itself cannot be read: 400
	KindUnauthorized              // no or bad credentials: 401
	KindForbidden                 // authenticated but not allowed: 403
	KindNotFound                  // the resource does not exist (or is not visible): 404
	KindConflict                  // the resource's state forbids the change: 409
	KindTooLarge                  // the body exceeds its limit: 413
	KindUnprocessable             // well-formed but against a business rule: 422
	KindRateLimited               // too many requests: 429
	KindUnavailable               // a dependency is down or too slow: 503
)

// Error is a typed domain error that any Tickup port can return; FromError turns it into
// a problem response. Code is the problem slug ("insufficient-funds"); empty means the
// kind's default slug.
type Error struct {
	Kind   Kind
	Code   string
	Detail string
	Fields []FieldError
	Err    error
}

// NewError returns an Error of kind with the given slug and client-facing detail.
func NewError(kind Kind, code, detail string) *Error {
	return &Error{Kind: kind, Code: code, Detail: detail}
}

// Error describes the error for logs.
func (e *Error) Error() string {
	msg := e.Detail
	if e.Code != "" {
		msg = e.Code + ": " + msg
	}
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", msg, e.Err)
	}
	return msg
}

// Unwrap returns the underlying cause, so errors.Is and errors.As see through an Error.
func (e *Error) Unwrap() error {
	return e.Err
}

// KindOf returns the Kind of the first Error in err's chain, or KindInternal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
