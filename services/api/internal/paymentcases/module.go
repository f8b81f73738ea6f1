package paymentcases

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// tag groups the routes in the documentation.
const tag = "payment cases"

// Module serves GET /payment-cases.
type Module struct {
	cases app.ListPaymentCases
	log   *slog.Logger
}

// NewModule returns the /payment-cases module over a's queries.
func NewModule(a *app.Application, log *slog.Logger) *Module {
	return &Module{cases: a.Queries.ListPaymentCases, log: log}
}

// keyset is the position of a case in the list order.
type keyset struct {
	CaseID string `json:"c"`
}

// Register adds GET /payment-cases (admins).
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Card refunds and disputes the providers reported, and what they did to the purchases "+
		"and tickets; operator_review marks the cases a person must resolve.")
	resolution := &openapi.Schema{Type: "string", Enum: []any{Pending, TicketVoided, NoTicket, OperatorReview, Reinstated, Closed}}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/payment-cases", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "List card refund and dispute cases, oldest first (admins)",
		Parameters: append(paging.Parameters(),
			openapi.Query("resolution", "Only cases with this resolution.", resolution),
			openapi.Query("purchase_id", "Only the cases of this purchase.", openapi.String("uuid"))),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[Case]{}}},
	}, m.list)
}

// list answers GET /payment-cases.
func (m *Module) list(c *gin.Context) {
	f, page, err := listFilter(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	found, err := m.cases.Handle(c.Request.Context(), f, page.Limit+1)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	rows := make([]Case, len(found))
	for i, fc := range found {
		rows[i] = Case(fc)
	}
	out, err := paging.NewList(rows, page, func(pc Case) keyset { return keyset{pc.CaseID} })
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// listFilter reads the list's query parameters; a bad one is a 422 naming it.
func listFilter(c *gin.Context) (app.CaseFilter, paging.Page, error) {
	page, err := paging.FromQuery(c)
	if err != nil {
		return app.CaseFilter{}, page, err
	}
	f := app.CaseFilter{Resolution: c.Query("resolution"), PurchaseID: strings.ToLower(c.Query("purchase_id"))}
	var chk validate.Checker
	if f.Resolution != "" {
		chk.OneOf("resolution", f.Resolution, Pending, TicketVoided, NoTicket, OperatorReview, Reinstated, Closed)
	}
	if f.PurchaseID != "" {
		chk.UUID("purchase_id", f.PurchaseID)
	}
	var after keyset
	if ok, err := page.After(&after); err != nil {
		return f, page, err
	} else if ok {
		chk.Check(validate.IsUUID(after.CaseID), "cursor", "is not a cursor this API issued")
		f.AfterID = after.CaseID
	}
	return f, page, chk.Err()
}
