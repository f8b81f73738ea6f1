package problem

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/db"
)

// internalDetail is all a client learns about an unexpected error; the cause goes to the log.
const internalDetail = "An unexpected error occurred; quote the request id when reporting it."

// mapping is the HTTP side of one Kind.
type mapping struct {
	status int
	slug   string
}

// kindTable is the one table from domain error kinds to HTTP statuses and default slugs.
func kindTable() map[Kind]mapping {
	return map[Kind]mapping{
		KindInternal:      {http.StatusInternalServerError, SlugInternal},
		KindInvalid:       {http.StatusUnprocessableEntity, SlugValidation},
		KindBadRequest:    {http.StatusBadRequest, SlugBadRequest},
		KindUnauthorized:  {http.StatusUnauthorized, SlugUnauthorized},
		KindForbidden:     {http.StatusForbidden, SlugForbidden},
		KindNotFound:      {http.StatusNotFound, SlugNotFound},
		KindConflict:      {http.StatusConflict, SlugConflict},
		KindTooLarge:      {http.StatusRequestEntityTooLarge, SlugBodyTooLarge},
		KindUnprocessable: {http.StatusUnprocessableEntity, SlugUnprocessable},
		KindRateLimited:   {http.StatusTooManyRequests, SlugRateLimited},
		KindUnavailable:   {http.StatusServiceUnavailable, SlugServiceUnavailable},
	}
}

// FromError maps err to the problem a client should see. Domain errors (*Error anywhere in
// the chain) keep their kind, code, detail and fields; a timeout or an unreachable database
// becomes 503; anything
// else is a 500 whose detail never carries the error text.
func FromError(err error) Problem {
	var domain *Error
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &domain):
		return fromDomain(domain)
	case errors.As(err, &tooLarge):
		return New(http.StatusRequestEntityTooLarge, SlugBodyTooLarge, "The request body is too large.")
	case errors.Is(err, context.DeadlineExceeded):
		return New(http.StatusServiceUnavailable, SlugServiceUnavailable, "The request timed out; try again.")
	case db.Unavailable(err):
		return New(http.StatusServiceUnavailable, SlugServiceUnavailable, "The database is unavailable; try again shortly.")
	default:
		return internal()
	}
}

// fromDomain applies the kind table to a domain error.
func fromDomain(e *Error) Problem {
	m, ok := kindTable()[e.Kind]
	if !ok || e.Kind == KindInternal {
		return internal()
	}
	slug := m.slug
	if validSlug(e.Code) {
		slug = e.Code
	}
	p := New(m.status, slug, e.Detail)
	p.Errors = e.Fields
	return p
}

// internal is the generic 500 problem.
func internal() Problem {
	return New(http.StatusInternalServerError, SlugInternal, internalDetail)
}

// Fail answers the request with FromError(err). Server-side failures (5xx) are logged
// with the request id, since the client only ever sees a generic detail.
func Fail(c *gin.Context, log *slog.Logger, err error) {
	p := FromError(err)
	if p.Status >= http.StatusInternalServerError {
		ctx := c.Request.Context()
		log.ErrorContext(ctx, "request failed", "request_id", RequestIDFrom(ctx),
			"method", c.Request.Method, "path", c.Request.URL.Path, "status", p.Status, "error", err)
	}
	_ = c.Error(err) // kept on the context for metrics and tracing middleware
	Write(c, p)
}

// validSlug reports whether a service-chosen code can be the last segment of a type URI:
// lowercase words of letters and digits joined by single hyphens.
func validSlug(code string) bool {
	if code == "" || strings.HasPrefix(code, "-") || strings.HasSuffix(code, "-") || strings.Contains(code, "--") {
		return false
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
