package walletroutes

import (
	"context"
	"net/http"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/validate"
)

// registerBalance adds GET /wallet and GET /wallet/ledger.
func (m *Module) registerBalance(r *httpapi.Routes) {
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet", Access: httpapi.User, Tags: []string{tag},
		Summary:     "The caller's wallet",
		Description: "Balance, held and available amounts, and the active holds. The wallet is created, empty, on first use.",
	}, m.getWallet)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/wallet/ledger", Access: httpapi.User, Tags: []string{tag},
		Summary:    "The caller's ledger, newest first",
		Parameters: append(paging.Parameters(), reasonParameter()),
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
func (m *Module) getWallet(ctx context.Context, call *httpapi.Call, _ struct{}) (walletrpc.Wallet, error) {
	return withHolds(m.wallet.Wallet(ctx, walletrpc.WalletRequest{UserID: caller(call).UserID}))
}

// ledger answers GET /wallet/ledger.
func (m *Module) ledger(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[walletrpc.Entry], error) {
	limit, cursor, err := pageOf(call)
	if err != nil {
		return paging.List[walletrpc.Entry]{}, err
	}
	req := walletrpc.LedgerRequest{UserID: caller(call).UserID, Limit: limit, Cursor: cursor}
	if raw, ok := call.Query("reason"); ok {
		var chk validate.Checker
		req.Reason = raw
		if chk.OneOf("reason", req.Reason, ledgerReasons...); chk.Err() != nil {
			return paging.List[walletrpc.Entry]{}, chk.Err()
		}
	}
	page, err := m.wallet.Ledger(ctx, req)
	return listOf(page.Items, page.NextCursor, err)
}
