package walletroutes

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// registerBalance adds GET /wallet and GET /wallet/ledger.
func (m *Module) registerBalance(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet", Access: httpapi.User, Tags: []string{tag},
		Summary:     "The caller's wallet",
		Description: "Balance, held and available amounts, and the active holds. The wallet is created, empty, on first use.",
		Responses:   []openapi.Response{{Status: http.StatusOK, Body: Wallet{}}},
	}, m.getWallet)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/wallet/ledger", Access: httpapi.User, Tags: []string{tag},
		Summary:    "The caller's ledger, newest first",
		Parameters: append(paging.Parameters(), reasonParameter()),
		Responses:  []openapi.Response{{Status: http.StatusOK, Body: paging.List[LedgerEntry]{}}},
	}, m.ledger)
}

// reasonParameter documents the ledger's ?reason= filter.
func reasonParameter() openapi.Parameter {
	s := openapi.String("")
	for _, r := range ledgerReasons {
		s.Enum = append(s.Enum, r)
	}
	return openapi.Query("reason", "Only entries with this reason.", s)
}

// getWallet answers GET /wallet.
func (m *Module) getWallet(c *gin.Context) {
	w, err := m.wallet.Wallet(c.Request.Context(), walletrpc.WalletRequest{UserID: caller(c).UserID})
	answer(m, c, http.StatusOK, w, err, toWallet)
}

// ledger answers GET /wallet/ledger.
func (m *Module) ledger(c *gin.Context) {
	limit, cursor, err := pageOf(c)
	if m.fail(c, err) {
		return
	}
	req := walletrpc.LedgerRequest{UserID: caller(c).UserID, Limit: limit, Cursor: cursor}
	if raw, ok := c.GetQuery("reason"); ok {
		var chk validate.Checker
		req.Reason = raw
		if chk.OneOf("reason", req.Reason, ledgerReasons...); m.fail(c, chk.Err()) {
			return
		}
	}
	page, err := m.wallet.Ledger(c.Request.Context(), req)
	listAnswer(m, c, page.Items, page.NextCursor, err, toEntry)
}

// listAnswer answers a page of the wallet service as the API's list, or its problem.
func listAnswer[T, U any](m *Module, c *gin.Context, items []T, next string, err error, conv func(T) U) {
	var out paging.List[U]
	if err == nil {
		out, err = listOf(items, next, conv)
	}
	if err != nil {
		problem.Fail(c, m.log, problem.FromRPC(err))
		return
	}
	c.JSON(http.StatusOK, out)
}
