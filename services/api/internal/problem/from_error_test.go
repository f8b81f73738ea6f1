package problem

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestFail(t *testing.T) {
	t.Parallel()
	fields := []FieldError{{Field: "pool_id", Message: "is required"}}
	tests := []struct {
		name   string
		err    error
		status int
		slug   string
		detail string // expected detail; "" means the generic one of a 500
		fields int
		logged bool
	}{
		{"invalid", &Error{Kind: KindInvalid, Detail: "bad", Fields: fields}, 422, SlugValidation, "bad", 1, false},
		{"bad request", NewError(KindBadRequest, "", "unreadable"), 400, SlugBadRequest, "unreadable", 0, false},
		{"unauthorized", NewError(KindUnauthorized, "", "no token"), 401, SlugUnauthorized, "no token", 0, false},
		{"forbidden", NewError(KindForbidden, "", "not yours"), 403, SlugForbidden, "not yours", 0, false},
		{"not found", NewError(KindNotFound, "", "no pool"), 404, SlugNotFound, "no pool", 0, false},
		{"conflict", NewError(KindConflict, "", "pool closed"), 409, SlugConflict, "pool closed", 0, false},
		{"in flight", NewError(KindConflict, SlugIdempotencyInFlight, "busy"), 409, SlugIdempotencyInFlight, "busy", 0, false},
		{"key reuse", NewError(KindUnprocessable, SlugIdempotencyKeyReuse, "other body"), 422, SlugIdempotencyKeyReuse, "other body", 0, false},
		{"too large", NewError(KindTooLarge, "", "big"), 413, SlugBodyTooLarge, "big", 0, false},
		{"unprocessable", NewError(KindUnprocessable, "insufficient-funds", "short"), 422, "insufficient-funds", "short", 0, false},
		{"rate limited", NewError(KindRateLimited, "", "slow down"), 429, SlugRateLimited, "slow down", 0, false},
		{"unavailable", NewError(KindUnavailable, "", "db down"), 503, SlugServiceUnavailable, "db down", 0, true},
		{"wrapped", fmt.Errorf("redeem: %w", NewError(KindNotFound, "", "no ticket")), 404, SlugNotFound, "no ticket", 0, false},
		{"bad code falls back", NewError(KindConflict, "Bad Code/..", "x"), 409, SlugConflict, "x", 0, false},
		{"unknown kind", NewError(Kind(99), "", "secret detail"), 500, SlugInternal, "", 0, true},
		{"internal kind hides detail", NewError(KindInternal, "", "secret detail"), 500, SlugInternal, "", 0, true},
		{"plain error", errors.New("secret detail: pq failed"), 500, SlugInternal, "", 0, true},
		{"timeout", fmt.Errorf("query: %w", context.DeadlineExceeded), 503, SlugServiceUnavailable, "The request timed out; try again.", 0, true},
		{"max bytes", &http.MaxBytesError{Limit: 1}, 413, SlugBodyTooLarge, "The request body is too large.", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			engine, log, logs := newEngine(t)
			engine.GET("/x", func(c *gin.Context) { Fail(c, log, tc.err) })
			rec := serve(engine, http.MethodGet, "/x", "", nil)
			p := readProblem(t, rec, tc.status, tc.slug)
			want := tc.detail
			if want == "" {
				want = internalDetail
			}
			if p.Detail != want || len(p.Errors) != tc.fields {
				t.Errorf("problem = %+v, want detail %q and %d field errors", p, want, tc.fields)
			}
			if strings.Contains(rec.Body.String(), "secret") {
				t.Errorf("body %s leaks the error text", rec.Body)
			}
			out := logs.String()
			if got := strings.Contains(out, p.RequestID) && strings.Contains(out, tc.err.Error()); got != tc.logged {
				t.Errorf("logged with request id = %v, want %v; log %q", got, tc.logged, out)
			}
		})
	}
}

func TestErrorChain(t *testing.T) {
	t.Parallel()
	cause := errors.New("row locked")
	tests := []struct {
		name string
		err  error
		kind Kind
		text string
	}{
		{"domain", &Error{Kind: KindConflict, Code: "locked", Detail: "busy", Err: cause}, KindConflict, "locked: busy: row locked"},
		{"wrapped", fmt.Errorf("hold: %w", NewError(KindNotFound, "", "gone")), KindNotFound, "hold: gone"},
		{"plain", cause, KindInternal, "row locked"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := KindOf(tc.err); got != tc.kind {
				t.Errorf("KindOf = %v, want %v", got, tc.kind)
			}
			if tc.err.Error() != tc.text {
				t.Errorf("Error() = %q, want %q", tc.err.Error(), tc.text)
			}
			if tc.kind == KindConflict && !errors.Is(tc.err, cause) {
				t.Error("errors.Is does not see the cause")
			}
		})
	}
}
