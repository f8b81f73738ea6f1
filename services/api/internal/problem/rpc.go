package problem

import (
	"errors"
	"net/http"
	"sort"
	"strings"

	"tickup.dev/pkg/rpc"
)

// statusKinds maps the statuses services answer RPCs with to domain error kinds.
func statusKinds() map[int]Kind {
	return map[int]Kind{
		http.StatusBadRequest:          KindBadRequest,
		http.StatusForbidden:           KindForbidden,
		http.StatusNotFound:            KindNotFound,
		http.StatusConflict:            KindConflict,
		http.StatusUnprocessableEntity: KindUnprocessable,
		http.StatusTooManyRequests:     KindRateLimited,
		http.StatusServiceUnavailable:  KindUnavailable,
	}
}

// FromRPC turns the error of an rpc.Call into a domain error the gateway answers 1:1: a
// service's problem keeps its status, type slug, detail and field errors, except that a 422
// naming fields becomes the gateway's one validation problem (Invalid); no answer in
// time is a 503. Anything else (a 5xx problem included) is returned as is, hence a 500.
func FromRPC(err error) error {
	var p *rpc.Problem
	switch {
	case err == nil:
		return nil
	case errors.Is(err, rpc.ErrUnavailable):
		return &Error{Kind: KindUnavailable, Detail: "A backend service did not answer in time; try again.", Err: err}
	case !errors.As(err, &p):
		return err
	}
	kind, ok := statusKinds()[p.Status]
	if !ok {
		return err
	}
	if p.Status == http.StatusUnprocessableEntity && len(p.Errors) > 0 {
		invalid := Invalid(rpcFields(p)) // one shape whichever service found the fields
		invalid.Err = err
		return invalid
	}
	return &Error{Kind: kind, Code: strings.TrimPrefix(p.Type, typeBase), Detail: p.Detail, Fields: rpcFields(p), Err: err}
}

// rpcFields lists a problem's field errors in field order.
func rpcFields(p *rpc.Problem) []FieldError {
	var out []FieldError
	for field, msg := range p.Errors {
		out = append(out, FieldError{Field: field, Message: msg})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}
