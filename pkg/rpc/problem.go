// Package rpc is Tickup's typed request/reply over NATS micro services: JSON in, JSON out,
// failures as RFC 9457 problems, and replicas sharing a queue group.
package rpc

import (
	"fmt"
	"net/http"
)

// Problem types produced by this package; services define their own beside them.
const (
	TypeMalformedJSON = "https://tickup.dev/problems/malformed-json"
	TypeInternal      = "https://tickup.dev/problems/internal"
	// TypeUnavailable (503): the handler's database could not be reached; retry shortly.
	TypeUnavailable = "https://tickup.dev/problems/service-unavailable"
)

// ContentType is the media type of a problem body.
const ContentType = "application/problem+json"

// Problem is an RFC 9457 problem: what a handler returns to refuse a request in a way
// the caller may show or act on. Its JSON travels as the body of a micro error.
type Problem struct {
	Type   string            `json:"type,omitempty"`
	Title  string            `json:"title"`
	Status int               `json:"status"`
	Detail string            `json:"detail,omitempty"`
	Errors map[string]string `json:"errors,omitempty"` // field name → what is wrong
}

// NewProblem builds a problem; an empty title becomes the status text.
func NewProblem(status int, typ, title, detail string) *Problem {
	p := &Problem{Type: typ, Title: title, Status: status, Detail: detail}
	return p.normalized()
}

// Error implements error.
func (p *Problem) Error() string {
	if p.Detail == "" {
		return fmt.Sprintf("%d %s", p.Status, p.Title)
	}
	return fmt.Sprintf("%d %s: %s", p.Status, p.Title, p.Detail)
}

// normalized returns a copy with a valid status and a non-empty title.
func (p *Problem) normalized() *Problem {
	q := *p
	if q.Status < 400 || q.Status > 599 {
		q.Status = http.StatusInternalServerError
	}
	if q.Title == "" {
		q.Title = http.StatusText(q.Status)
	}
	return &q
}

func internalProblem() *Problem {
	return NewProblem(http.StatusInternalServerError, TypeInternal, "Internal server error", "")
}
