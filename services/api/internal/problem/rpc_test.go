package problem

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"tickup.dev/pkg/rpc"
)

func TestFromRPC(t *testing.T) {
	t.Parallel()
	notOpen := rpc.NewProblem(http.StatusConflict, TypeURI("pool-not-open"), "Pool not open", "The pool is FULL.")
	invalid := &rpc.Problem{Type: TypeURI(SlugValidation), Title: "Invalid", Status: 422, Detail: "bad",
		Errors: map[string]string{"winners_count": "must be positive", "currency": "unknown"}}
	tests := []struct {
		name   string
		err    error
		status int
		slug   string
		fields int
	}{
		{"conflict keeps its slug", fmt.Errorf("get pool: %w", notOpen), 409, "pool-not-open", 0},
		{"validation keeps its fields", invalid, 422, SlugValidation, 2},
		{"not found", rpc.NewProblem(404, TypeURI(SlugNotFound), "", "no pool"), 404, SlugNotFound, 0},
		{"no responder", fmt.Errorf("call x: %w", rpc.ErrUnavailable), 503, SlugServiceUnavailable, 0},
		{"service failure stays internal", rpc.NewProblem(500, rpc.TypeInternal, "", "db down"), 500, SlugInternal, 0},
		{"plain error", errors.New("boom"), 500, SlugInternal, 0},
	}
	for _, tc := range tests {
		p := FromError(FromRPC(tc.err))
		if p.Status != tc.status || p.Type != TypeURI(tc.slug) || len(p.Errors) != tc.fields {
			t.Errorf("%s: %+v, want %d %s with %d fields", tc.name, p, tc.status, tc.slug, tc.fields)
		}
	}
	if FromRPC(nil) != nil {
		t.Error("FromRPC(nil) is not nil")
	}
	if p := FromError(FromRPC(invalid)); p.Errors[0].Field != "currency" {
		t.Errorf("fields not sorted: %+v", p.Errors)
	}
}
