package walletroutes

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// registerReverse adds POST /wallet/entries/{id}/reverse. Its {id} is a ledger entry_id, a
// positive integer rather than a UUID, so it is read by hand, before the body.
func (m *Module) registerReverse(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/wallet/entries/{id}/reverse", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Reverse a PENDING or POSTED ledger entry with a reason (admin)", Body: reasonRequest{},
		Description: "Refused: a credit the balance less the active holds cannot cover (422 insufficient-funds), a capture whose purchase was refunded, a withdrawal's debit (409).",
		Parameters: []openapi.Parameter{{Name: "id", In: "path", Required: true, Description: "The entry_id.",
			Schema: &openapi.Schema{Type: "integer", Format: "int64", Minimum: openapi.Bound(1)}}},
		Responses: []openapi.Response{{Status: http.StatusOK, Body: walletrpc.Entry{}}},
		Problems:  []int{http.StatusNotFound, http.StatusConflict},
	}, m.reverse)
}

// reverse answers POST /wallet/entries/{id}/reverse.
func (m *Module) reverse(c *gin.Context) {
	id, err := entryID(c)
	var req reasonRequest
	if err == nil {
		err = problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes)
	}
	if err == nil {
		err = checkReason(req.Reason, true)
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	who, _ := auth.FromContext(c)
	e, err := m.wallet.Reverse(c.Request.Context(), walletrpc.ReversalRequest{Actor: strings.ToLower(who.UserID), EntryID: id,
		Reason: strings.TrimSpace(req.Reason)})
	if err != nil {
		problem.Fail(c, m.log, problem.FromRPC(err))
		return
	}
	httpapi.JSON(c, http.StatusOK, e)
}

// entryID returns the path's ledger entry id, a positive integer, or a 422 naming it.
func entryID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	var chk validate.Checker
	chk.Check(err == nil && id > 0, "id", "must be a ledger entry_id (a positive integer)")
	return id, chk.Err()
}
