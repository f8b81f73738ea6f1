package walletroutes

import (
	"context"
	"net/http"
	"strings"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
)

// registerAdmin adds the admin routes: withdrawal decisions, adjustments, reversals and
// wallet suspensions. The admin is recorded as the actor of each.
func (m *Module) registerAdmin(r *httpapi.Routes) {
	decision := func(path, summary, description string, reasonRequired bool, send decisionCall) {
		httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: path, Access: httpapi.Admin, Tags: []string{tag},
			Summary: summary, Description: description,
			Problems: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
		}, m.decide(reasonRequired, send))
	}
	decision("/wallet/withdrawals/{id}/approve", "Approve a REQUESTED withdrawal: PROCESSING, pending DEBIT WITHDRAWAL (admin)",
		"A payout needs two people: the approving admin must be neither the withdrawal's requested_by nor its owner "+
			"(403 second-approver-required). The approver is recorded as approved_by.", false, m.wallet.ApproveWithdrawal)
	decision("/wallet/withdrawals/{id}/reject", "Reject a REQUESTED withdrawal with a reason, releasing its hold (admin)", "",
		true, m.wallet.RejectWithdrawal)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/adjustments", Access: httpapi.Admin, Tags: []string{tag},
		Summary:     "Book a CREDIT or DEBIT ADJUSTMENT with a mandatory reason (admin)",
		Description: "amount_cents is 1 to 100000000000. A debit must be covered by the balance less the active holds (else 422 insufficient-funds): no wallet goes below zero.",
		Responses:   []openapi.Response{{Status: http.StatusCreated, Body: walletrpc.Entry{}}},
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.adjust)
	m.registerReverse(r)
	status := func(path, summary string, reasonRequired bool, send statusCall) {
		httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: path, Access: httpapi.Admin, Tags: []string{tag},
			Summary: summary, Description: "{id} is the user id of the wallet's owner.",
			Problems: []int{http.StatusNotFound, http.StatusConflict},
		}, m.setStatus(reasonRequired, send))
	}
	status("/wallet/accounts/{id}/suspend", "Suspend a user's wallet with a reason: no payments or withdrawals (admin)", true, m.wallet.Suspend)
	status("/wallet/accounts/{id}/activate", "Re-activate a suspended wallet (admin)", false, m.wallet.Activate)
}

// decide sends a decision on withdrawal {id} with send.
func (m *Module) decide(reasonRequired bool, send decisionCall) func(context.Context, *httpapi.Call, decisionRequest) (walletrpc.Withdrawal, error) {
	return func(ctx context.Context, call *httpapi.Call, req decisionRequest) (walletrpc.Withdrawal, error) {
		if err := checkReason(req.Reason, reasonRequired); err != nil {
			return walletrpc.Withdrawal{}, err
		}
		return send(ctx, walletrpc.DecisionRequest{Actor: caller(call).UserID, WithdrawalID: call.Path("id"),
			Reason: strings.TrimSpace(req.Reason)})
	}
}

// adjust answers POST /wallet/adjustments.
func (m *Module) adjust(ctx context.Context, call *httpapi.Call, req adjustmentRequest) (walletrpc.Entry, error) {
	if err := req.check(); err != nil {
		return walletrpc.Entry{}, err
	}
	return m.wallet.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: caller(call).UserID,
		UserID: strings.ToLower(req.UserID), Direction: req.Direction, AmountCents: req.AmountCents,
		Currency: req.Currency, Reason: strings.TrimSpace(req.Reason)})
}

// setStatus sends a status change of the wallet of user {id} with send.
func (m *Module) setStatus(reasonRequired bool, send statusCall) func(context.Context, *httpapi.Call, reasonRequest) (walletrpc.Wallet, error) {
	return func(ctx context.Context, call *httpapi.Call, req reasonRequest) (walletrpc.Wallet, error) {
		if err := checkReason(req.Reason, reasonRequired); err != nil {
			return walletrpc.Wallet{}, err
		}
		return withHolds(send(ctx, walletrpc.StatusRequest{Actor: caller(call).UserID, UserID: call.Path("id"),
			Reason: strings.TrimSpace(req.Reason)}))
	}
}
