package walletroutes

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// resolveRequest is the body of POST /wallet/unmatched-payments/{id}/resolve.
type resolveRequest struct {
	Resolution string `json:"resolution" doc:"What was done about it (refunded at the provider, credited by adjustment 123, …)."`
}

// registerUnmatched adds the admin routes over unmatched payments: provider reports the
// wallet could not apply to the top-up or withdrawal they name.
func (m *Module) registerUnmatched(r *httpapi.Routes) {
	status := openapi.String("")
	status.Enum = []any{"OPEN", "RESOLVED"}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/unmatched-payments", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Provider reports that matched no request, newest first (admin)",
		Description: "A top-up or withdrawal event whose provider, amount or currency differs from the request, that names " +
			"an unknown request, collects a top-up a second time, or reaches a withdrawal that is not being paid out. " +
			"The money it reports was not applied; each stays OPEN until resolved.",
		Parameters: append(paging.Parameters(), openapi.Query("status", "Only OPEN or RESOLVED ones.", status)),
		Responses:  []openapi.Response{{Status: http.StatusOK, Body: paging.List[UnmatchedPayment]{}}},
	}, m.listUnmatched)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/unmatched-payments/{id}/resolve", Access: httpapi.Admin,
		Tags: []string{tag}, Summary: "Resolve an OPEN unmatched payment with what was done about it (admin)",
		Description: "Records the resolution and the admin; it moves no money itself (use an adjustment, or the provider's refund).",
		Body:        resolveRequest{},
		Responses:   []openapi.Response{{Status: http.StatusOK, Body: UnmatchedPayment{}}},
		Problems:    []int{http.StatusNotFound, http.StatusConflict},
	}, m.resolveUnmatched)
}

// listUnmatched answers GET /wallet/unmatched-payments.
func (m *Module) listUnmatched(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	if m.fail(c, err) {
		return
	}
	req := walletrpc.ListUnmatchedRequest{Actor: caller(c).UserID, Limit: limit, Cursor: cursor}
	if raw, ok := c.GetQuery("status"); ok {
		var chk validate.Checker
		req.Status = raw
		if chk.OneOf("status", raw, "OPEN", "RESOLVED"); m.fail(c, chk.Err()) {
			return
		}
	}
	page, err := m.wallet.UnmatchedPayments(c.Request.Context(), req)
	listAnswer(m, c, page.Items, page.NextCursor, err, toUnmatched)
}

// resolveUnmatched answers POST /wallet/unmatched-payments/{id}/resolve.
func (m *Module) resolveUnmatched(c *gin.Context) {
	id, err := validate.PathUUID(c, "id")
	if m.fail(c, err) {
		return
	}
	var req resolveRequest
	if !m.decode(c, &req) {
		return
	}
	var chk validate.Checker
	if chk.Required("resolution", req.Resolution) {
		chk.Check(len(strings.TrimSpace(req.Resolution)) <= maxReasonLength, "resolution", "must be at most 500 bytes")
	}
	if m.fail(c, chk.Err()) {
		return
	}
	u, err := m.wallet.ResolveUnmatched(c.Request.Context(), walletrpc.ResolveUnmatchedRequest{Actor: caller(c).UserID,
		UnmatchedID: id, Resolution: strings.TrimSpace(req.Resolution)})
	answer(m, c, http.StatusOK, u, err, toUnmatched)
}

// toUnmatched converts an unmatched payment for the API.
func toUnmatched(u walletrpc.UnmatchedPayment) UnmatchedPayment {
	return UnmatchedPayment{UnmatchedID: u.UnmatchedID, Kind: u.Kind, RefID: u.RefID, Outcome: u.Outcome,
		Provider: u.Provider, ProviderTxnID: u.ProviderTxnID, ProviderEventID: u.ProviderEventID, AmountCents: u.AmountCents,
		Currency: u.Currency, Reason: u.Reason, Status: u.Status, ResolvedBy: u.ResolvedBy, Resolution: u.Resolution,
		CreatedAt: u.CreatedAt.UTC(), ResolvedAt: u.ResolvedAt}
}
