package ports

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/ticketing/internal/domain"
)

func TestDomainRefusalsBecomeTheContractsProblems(t *testing.T) {
	id := uuid.New()
	tests := []struct {
		err    error
		status int
		typ    string
	}{
		{domain.Fields{"title": "is required"}.Err(), http.StatusUnprocessableEntity, ticketingrpc.TypeValidation},
		{domain.ErrPrizeNotFound(id), http.StatusNotFound, ticketingrpc.TypePrizeNotFound},
		{domain.ErrPoolNotFound(id), http.StatusNotFound, ticketingrpc.TypePoolNotFound},
		{domain.ErrTicketNotFound(id), http.StatusNotFound, ticketingrpc.TypeTicketNotFound},
		{domain.ErrOutOfStock(id, 0, 1), http.StatusConflict, ticketingrpc.TypePrizeOutOfStock},
		{domain.ErrPrizeInUse(id, 1), http.StatusConflict, ticketingrpc.TypePrizeInUse},
		{(&domain.Pool{State: domain.StateFull}).Cancel(nowUTC()), http.StatusConflict, ticketingrpc.TypePoolNotOpen},
		{(&domain.Pool{State: domain.StateOpen}).RequireFrozen(), http.StatusConflict, ticketingrpc.TypePoolState},
		{domain.ErrDrawUnavailable(errors.New("no responders")), http.StatusServiceUnavailable, ticketingrpc.TypeDrawUnavailable},
	}
	for _, tc := range tests {
		var p *rpc.Problem
		if !errors.As(problem(tc.err), &p) || p.Status != tc.status || p.Type != tc.typ || p.Title == "" || p.Detail == "" {
			t.Errorf("%v became %+v, want %d %s with a title and detail", tc.err, p, tc.status, tc.typ)
		}
	}
	if p := problem(domain.Fields{"title": "is required"}.Err()).(*rpc.Problem); p.Errors["title"] == "" {
		t.Errorf("validation problem lost its field errors: %+v", p)
	}
	plain := errors.New("connection reset")
	if got := problem(plain); got != plain {
		t.Errorf("an unexpected error was turned into %v", got)
	}
}

func nowUTC() time.Time { return time.Now().UTC() }
