// Package ports exposes the ticketing use cases: NATS micro endpoints (the ticketingrpc
// contract), the event consumers, and the deadline sweeper.
package ports

import (
	"errors"
	"net/http"

	"tickup.dev/pkg/rpc"
	"tickup.dev/services/ticketing/internal/domain"
)

// problemBase prefixes a domain error code to make its problem type.
const problemBase = "https://tickup.dev/problems/"

// statuses is the one table from kinds of refusal to response statuses.
var statuses = map[domain.Kind]int{
	domain.KindInvalid:     http.StatusUnprocessableEntity,
	domain.KindNotFound:    http.StatusNotFound,
	domain.KindConflict:    http.StatusConflict,
	domain.KindUnavailable: http.StatusServiceUnavailable,
}

var titles = map[string]string{
	domain.CodeValidation:      "Invalid request",
	domain.CodePrizeNotFound:   "Prize not found",
	domain.CodePoolNotFound:    "Pool not found",
	domain.CodeTicketNotFound:  "Ticket not found",
	domain.CodePrizeOutOfStock: "Prize has no stock",
	domain.CodePrizeInUse:      "Prize has pools in play",
	domain.CodePoolNotOpen:     "Pool is not open",
	domain.CodePoolHasSales:    "Pool has sold tickets",
	domain.CodePoolState:       "Pool is in the wrong state",
	domain.CodeDrawUnavailable: "Draw service unavailable",
}

// problem turns a domain refusal into the problem the caller receives; other errors pass
// through and become a 500 that does not reveal them.
func problem(err error) error {
	var de *domain.Error
	if err == nil || !errors.As(err, &de) {
		return err
	}
	p := rpc.NewProblem(statuses[de.Kind], problemBase+de.Code, titles[de.Code], de.Detail)
	p.Errors = de.Fields
	return p
}
