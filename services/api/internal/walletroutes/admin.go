package walletroutes

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/validate"
)

// registerAdmin adds the admin routes: withdrawal decisions, adjustments, reversals and
// wallet suspensions. The admin is recorded as the actor of each.
func (m *Module) registerAdmin(r *httpapi.Routes) {
	decision := func(path, summary, description string, h gin.HandlerFunc) {
		r.Handle(httpapi.Route{Method: http.MethodPost, Path: path, Access: httpapi.Admin, Tags: []string{tag},
			Summary: summary, Description: description, Body: decisionRequest{},
			Responses: []openapi.Response{{Status: http.StatusOK, Body: Withdrawal{}}},
			Problems:  []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
		}, h)
	}
	decision("/wallet/withdrawals/{id}/approve", "Approve a REQUESTED withdrawal: PROCESSING, pending DEBIT WITHDRAWAL (admin)",
		"A payout needs two people: the approving admin must be neither the withdrawal's requested_by nor its owner "+
			"(403 second-approver-required). The approver is recorded as approved_by.", m.approve)
	decision("/wallet/withdrawals/{id}/reject", "Reject a REQUESTED withdrawal with a reason, releasing its hold (admin)", "", m.reject)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/adjustments", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Book a CREDIT or DEBIT ADJUSTMENT with a mandatory reason (admin)", Body: adjustmentRequest{},
		Description: "amount_cents is 1 to 100000000000. A debit must be covered by the balance less the active holds (else 422 insufficient-funds): no wallet goes below zero.",
		Responses:   []openapi.Response{{Status: http.StatusCreated, Body: LedgerEntry{}}},
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.adjust)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/entries/{id}/reverse", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Reverse a PENDING or POSTED ledger entry with a reason (admin)", Body: reasonRequest{},
		Description: "Refused: a credit the balance less the active holds cannot cover (422 insufficient-funds), a capture whose purchase was refunded, a withdrawal's debit (409).",
		Parameters: []openapi.Parameter{{Name: "id", In: "path", Required: true, Description: "The entry_id.",
			Schema: &openapi.Schema{Type: "integer", Format: "int64", Minimum: openapi.Bound(1)}}},
		Responses: []openapi.Response{{Status: http.StatusOK, Body: LedgerEntry{}}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, m.reverse)
	status := func(path, summary string, h gin.HandlerFunc) {
		r.Handle(httpapi.Route{Method: http.MethodPost, Path: path, Access: httpapi.Admin, Tags: []string{tag},
			Summary: summary, Description: "{id} is the user id of the wallet's owner.", Body: reasonRequest{},
			Responses: []openapi.Response{{Status: http.StatusOK, Body: Wallet{}}},
			Problems:  []int{http.StatusNotFound, http.StatusConflict},
		}, h)
	}
	status("/wallet/accounts/{id}/suspend", "Suspend a user's wallet with a reason: no payments or withdrawals (admin)", m.suspend)
	status("/wallet/accounts/{id}/activate", "Re-activate a suspended wallet (admin)", m.activate)
}

// approve answers POST /wallet/withdrawals/{id}/approve.
func (m *Module) approve(c *gin.Context) { m.decide(c, false, m.wallet.ApproveWithdrawal) }

// reject answers POST /wallet/withdrawals/{id}/reject.
func (m *Module) reject(c *gin.Context) { m.decide(c, true, m.wallet.RejectWithdrawal) }

// decide reads a decision on a withdrawal and sends it with call.
func (m *Module) decide(c *gin.Context, reasonRequired bool, call decisionCall) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	var req decisionRequest
	if !m.decode(c, &req) || m.fail(c, checkReason(req.Reason, reasonRequired)) {
		return
	}
	w, err := call(c.Request.Context(), walletrpc.DecisionRequest{Actor: caller(c).UserID, WithdrawalID: id,
		Reason: strings.TrimSpace(req.Reason)})
	answer(m, c, http.StatusOK, w, err, toWithdrawal)
}

// adjust answers POST /wallet/adjustments.
func (m *Module) adjust(c *gin.Context) {
	var req adjustmentRequest
	if !m.decode(c, &req) || m.fail(c, req.check()) {
		return
	}
	e, err := m.wallet.Adjust(c.Request.Context(), walletrpc.AdjustmentRequest{Actor: caller(c).UserID,
		UserID: strings.ToLower(req.UserID), Direction: req.Direction, AmountCents: req.AmountCents,
		Currency: req.Currency, Reason: strings.TrimSpace(req.Reason)})
	answer(m, c, http.StatusCreated, e, err, toEntry)
}

// reverse answers POST /wallet/entries/{id}/reverse.
func (m *Module) reverse(c *gin.Context) {
	id, err := entryID(c)
	if m.fail(c, err) {
		return
	}
	var req reasonRequest
	if !m.decode(c, &req) || m.fail(c, checkReason(req.Reason, true)) {
		return
	}
	e, err := m.wallet.Reverse(c.Request.Context(), walletrpc.ReversalRequest{Actor: caller(c).UserID, EntryID: id,
		Reason: strings.TrimSpace(req.Reason)})
	answer(m, c, http.StatusOK, e, err, toEntry)
}

// suspend answers POST /wallet/accounts/{id}/suspend.
func (m *Module) suspend(c *gin.Context) { m.setStatus(c, true, m.wallet.Suspend) }

// activate answers POST /wallet/accounts/{id}/activate.
func (m *Module) activate(c *gin.Context) { m.setStatus(c, false, m.wallet.Activate) }

// setStatus reads a status change of the wallet of user {id} and sends it with call.
func (m *Module) setStatus(c *gin.Context, reasonRequired bool, call statusCall) {
	userID, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	var req reasonRequest
	if !m.decode(c, &req) || m.fail(c, checkReason(req.Reason, reasonRequired)) {
		return
	}
	w, err := call(c.Request.Context(), walletrpc.StatusRequest{Actor: caller(c).UserID, UserID: userID,
		Reason: strings.TrimSpace(req.Reason)})
	answer(m, c, http.StatusOK, w, err, toWallet)
}
