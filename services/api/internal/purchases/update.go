package purchases

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// updateRequest is the body of PUT /purchases/{id}.
type updateRequest struct {
	Status        string `json:"status" enum:"CONFIRMED,FAILED"`
	ProviderTxnID string `json:"provider_txn_id,omitempty" doc:"The provider transaction that paid it, bound to the purchase; must match the one already bound, if any."`
	FailureReason string `json:"failure_reason,omitempty" doc:"Why it failed."`
}

// maxReasonLength bounds a failure reason.
const maxReasonLength = 500

// check validates the body; a 422 names every bad field.
func (r updateRequest) check() error {
	var chk validate.Checker
	chk.OneOf("status", r.Status, StatusConfirmed, StatusFailed)
	chk.Check(len(r.ProviderTxnID) <= maxTxnIDLength, "provider_txn_id", "is longer than 255 characters")
	chk.Check(len(r.FailureReason) <= maxReasonLength, "failure_reason", "is longer than 500 characters")
	return chk.Err()
}

// update answers PUT /purchases/{id} (service role and admins): a card-paid purchase's
// settlement, legal transitions only.
func (m *Module) update(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	var req updateRequest
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	if err := req.check(); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	res, err := m.app.Commands.SettlePurchase.Handle(c.Request.Context(),
		app.Settlement{PurchaseID: id, Status: req.Status, TxnID: req.ProviderTxnID, Reason: req.FailureReason})
	if err == nil && purchase.Contradiction(res.Outcome) {
		err = &problem.Error{Kind: problem.KindConflict, Code: "illegal-transition",
			Detail: fmt.Sprintf("A %s purchase cannot become %s.", res.Purchase.Status, req.Status)}
	}
	if err != nil {
		problem.Fail(c, m.log, updateProblem(err))
		return
	}
	c.JSON(http.StatusOK, fromDomain(res.Purchase))
}

// updateProblem maps the settlement's refusals to their answers.
func updateProblem(err error) error {
	switch {
	case errors.Is(err, app.ErrNotFound):
		return NotFound()
	case errors.Is(err, purchase.ErrWalletPaid):
		return problem.NewError(problem.KindConflict, "wallet-paid", "A wallet-paid purchase is settled by the wallet's hold, not by PUT.")
	case errors.Is(err, purchase.ErrTxnMismatch):
		return problem.NewError(problem.KindConflict, "provider-txn-mismatch", "The purchase is paid by another provider transaction.")
	case errors.Is(err, app.ErrTxnInUse):
		return problem.NewError(problem.KindConflict, "provider-txn-in-use", "This provider transaction already pays another purchase.")
	}
	return err
}
