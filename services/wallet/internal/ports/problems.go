// Package ports is the wallet's edge: the NATS micro endpoints of walletrpc (rpc*.go) and the
// event routers (events.go, event_handlers.go). Ports decode and check what arrives, call
// the app's Application, and map its errors; they never touch the database.
package ports

import (
	"errors"
	"net/http"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/domain"
)

// problemRow maps one domain error to the problem the gateway answers with.
type problemRow struct {
	err    error
	status int
	typ    string
	title  string
}

// problemTable is the one place where domain errors become problems.
var problemTable = []problemRow{
	{domain.ErrNotFound, http.StatusNotFound, walletrpc.ProblemNotFound, "Not found"},
	{domain.ErrInsufficientFunds, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds, "Insufficient funds"},
	{domain.ErrLimit, http.StatusUnprocessableEntity, walletrpc.ProblemLimitExceeded, "Limit exceeded"},
	{domain.ErrCurrencyMismatch, http.StatusUnprocessableEntity, walletrpc.ProblemCurrencyMismatch, "Currency mismatch"},
	{domain.ErrInvalidAmount, http.StatusUnprocessableEntity, walletrpc.ProblemValidation, "Validation failed"},
	{domain.ErrSuspended, http.StatusConflict, walletrpc.ProblemWalletSuspended, "Wallet suspended"},
	{domain.ErrState, http.StatusConflict, walletrpc.ProblemConflict, "Conflict"},
	{domain.ErrSecondApprover, http.StatusForbidden, walletrpc.ProblemSecondApprover, "Second approver required"},
}

// problem turns an app error into the *rpc.Problem the caller sees; an unexpected error is
// returned as is, for rpc to log and answer with a bare 500.
func problem(err error) error {
	var v *domain.ValidationError
	if errors.As(err, &v) {
		return &rpc.Problem{Type: walletrpc.ProblemValidation, Title: "Validation failed",
			Status: http.StatusUnprocessableEntity, Detail: v.Error(), Errors: v.Fields}
	}
	for _, row := range problemTable {
		if errors.Is(err, row.err) {
			return &rpc.Problem{Type: row.typ, Title: row.title, Status: row.status, Detail: err.Error()}
		}
	}
	return err
}
