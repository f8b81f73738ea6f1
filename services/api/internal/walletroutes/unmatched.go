package walletroutes

import (
	"context"
	"net/http"
	"strings"
	"time"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// UnmatchedPayment is a provider event about money that could not be applied to the
// top-up or withdrawal it names (another provider, amount or currency, a request in a
// state it cannot apply to, a second transaction): recorded for an operator to resolve.
type UnmatchedPayment struct {
	UnmatchedID     string     `json:"unmatched_id" format:"uuid"`
	Kind            string     `json:"kind" enum:"TOPUP,WITHDRAWAL"`
	RefID           string     `json:"ref_id" format:"uuid" doc:"The topup_id or withdrawal_id the provider named."`
	Outcome         string     `json:"outcome" enum:"PROCESSING,SUCCEEDED,FAILED" doc:"What the provider reported."`
	Provider        string     `json:"provider"`
	ProviderTxnID   string     `json:"provider_txn_id,omitempty"`
	ProviderEventID string     `json:"provider_event_id,omitempty"`
	AmountCents     int64      `json:"amount_cents" doc:"As the provider reported it."`
	Currency        string     `json:"currency" doc:"As the provider reported it."`
	Reason          string     `json:"reason" doc:"Why it could not be applied."`
	Status          string     `json:"status" enum:"OPEN,RESOLVED"`
	ResolvedBy      string     `json:"resolved_by,omitempty"`
	Resolution      string     `json:"resolution,omitempty" doc:"What the operator did about it."`
	CreatedAt       time.Time  `json:"created_at"`
	ResolvedAt      *time.Time `json:"resolved_at,omitempty"`
}

// resolveRequest is the body of POST /wallet/unmatched-payments/{id}/resolve.
type resolveRequest struct {
	Resolution string `json:"resolution" doc:"What was done about it (refunded at the provider, credited by adjustment 123, …)."`
}

// registerUnmatched adds the admin routes over unmatched payments: provider reports the
// wallet could not apply to the top-up or withdrawal they name.
func (m *Module) registerUnmatched(r *httpapi.Routes) {
	status := openapi.String("")
	status.Enum = []any{"OPEN", "RESOLVED"}
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/unmatched-payments", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Provider reports that matched no request, newest first (admin)",
		Description: "A top-up or withdrawal event whose provider, amount or currency differs from the request, that names " +
			"an unknown request, collects a top-up a second time, or reaches a withdrawal that is not being paid out. " +
			"The money it reports was not applied; each stays OPEN until resolved.",
		Parameters: append(paging.Parameters(), openapi.Query("status", "Only OPEN or RESOLVED ones.", status)),
	}, m.listUnmatched)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/wallet/unmatched-payments/{id}/resolve", Access: httpapi.Admin,
		Tags: []string{tag}, Summary: "Resolve an OPEN unmatched payment with what was done about it (admin)",
		Description: "Records the resolution and the admin; it moves no money itself (use an adjustment, or the provider's refund).",
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.resolveUnmatched)
}

// listUnmatched answers GET /wallet/unmatched-payments.
func (m *Module) listUnmatched(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[UnmatchedPayment], error) {
	limit, cursor, err := pageOf(call)
	if err != nil {
		return paging.List[UnmatchedPayment]{}, err
	}
	req := walletrpc.ListUnmatchedRequest{Actor: caller(call).UserID, Limit: limit, Cursor: cursor}
	if raw, ok := call.Query("status"); ok {
		var chk validate.Checker
		req.Status = raw
		if chk.OneOf("status", raw, "OPEN", "RESOLVED"); chk.Err() != nil {
			return paging.List[UnmatchedPayment]{}, chk.Err()
		}
	}
	page, err := m.wallet.UnmatchedPayments(ctx, req)
	items := make([]UnmatchedPayment, 0, len(page.Items))
	for _, u := range page.Items {
		items = append(items, toUnmatched(u))
	}
	return listOf(items, page.NextCursor, err)
}

// resolveUnmatched answers POST /wallet/unmatched-payments/{id}/resolve.
func (m *Module) resolveUnmatched(ctx context.Context, call *httpapi.Call, req resolveRequest) (UnmatchedPayment, error) {
	var chk validate.Checker
	if chk.Required("resolution", req.Resolution) {
		chk.Check(len(strings.TrimSpace(req.Resolution)) <= maxReasonLength, "resolution", "must be at most 500 bytes")
	}
	if err := chk.Err(); err != nil {
		return UnmatchedPayment{}, err
	}
	u, err := m.wallet.ResolveUnmatched(ctx, walletrpc.ResolveUnmatchedRequest{Actor: caller(call).UserID,
		UnmatchedID: call.Path("id"), Resolution: strings.TrimSpace(req.Resolution)})
	return toUnmatched(u), err
}

// toUnmatched converts an unmatched payment for the API.
func toUnmatched(u walletrpc.UnmatchedPayment) UnmatchedPayment {
	return UnmatchedPayment{UnmatchedID: u.UnmatchedID, Kind: u.Kind, RefID: u.RefID, Outcome: u.Outcome,
		Provider: u.Provider, ProviderTxnID: u.ProviderTxnID, ProviderEventID: u.ProviderEventID, AmountCents: u.AmountCents,
		Currency: u.Currency, Reason: u.Reason, Status: u.Status, ResolvedBy: u.ResolvedBy, Resolution: u.Resolution,
		CreatedAt: u.CreatedAt.UTC(), ResolvedAt: u.ResolvedAt}
}
