// Package walletroutes is the /wallet resource: the caller's balance and ledger, top-ups,
// withdrawals, and the admin operations (adjustments, reversals, withdrawal decisions,
// suspensions). Every route proxies to the wallet service over walletrpc; the wallet's
// problems are answered 1:1, and whose wallet a request acts on comes from the token.
package walletroutes

import (
	"context"
	"log/slog"
	"strings"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
)

// tag groups the routes in the documentation.
const tag = "wallet"

// Backend is the part of the wallet service the routes call; *walletrpc.Client is one.
type Backend interface {
	Wallet(ctx context.Context, req walletrpc.WalletRequest) (walletrpc.Wallet, error)
	Ledger(ctx context.Context, req walletrpc.LedgerRequest) (walletrpc.LedgerPage, error)
	CreateTopup(ctx context.Context, req walletrpc.CreateTopupRequest) (walletrpc.Topup, error)
	Topup(ctx context.Context, req walletrpc.TopupRequest) (walletrpc.Topup, error)
	Topups(ctx context.Context, req walletrpc.ListRequest) (walletrpc.TopupPage, error)
	CancelTopup(ctx context.Context, req walletrpc.TopupRequest) (walletrpc.Topup, error)
	RequestWithdrawal(ctx context.Context, req walletrpc.WithdrawalCreateRequest) (walletrpc.Withdrawal, error)
	Withdrawal(ctx context.Context, req walletrpc.WithdrawalRequest) (walletrpc.Withdrawal, error)
	Withdrawals(ctx context.Context, req walletrpc.ListWithdrawalsRequest) (walletrpc.WithdrawalPage, error)
	CancelWithdrawal(ctx context.Context, req walletrpc.WithdrawalRequest) (walletrpc.Withdrawal, error)
	ApproveWithdrawal(ctx context.Context, req walletrpc.DecisionRequest) (walletrpc.Withdrawal, error)
	RejectWithdrawal(ctx context.Context, req walletrpc.DecisionRequest) (walletrpc.Withdrawal, error)
	Adjust(ctx context.Context, req walletrpc.AdjustmentRequest) (walletrpc.Entry, error)
	Reverse(ctx context.Context, req walletrpc.ReversalRequest) (walletrpc.Entry, error)
	Suspend(ctx context.Context, req walletrpc.StatusRequest) (walletrpc.Wallet, error)
	Activate(ctx context.Context, req walletrpc.StatusRequest) (walletrpc.Wallet, error)
	UnmatchedPayments(ctx context.Context, req walletrpc.ListUnmatchedRequest) (walletrpc.UnmatchedPage, error)
	ResolveUnmatched(ctx context.Context, req walletrpc.ResolveUnmatchedRequest) (walletrpc.UnmatchedPayment, error)
}

// Module serves /wallet.
type Module struct {
	wallet Backend
	log    *slog.Logger
}

// NewModule returns the /wallet module over the wallet service.
func NewModule(wallet Backend, log *slog.Logger) *Module {
	return &Module{wallet: wallet, log: log}
}

// Register adds the /wallet routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "The caller's wallet: balance, ledger, top-ups and withdrawals; admin adjustments, "+
		"reversals, withdrawal decisions and suspensions.")
	r.Document().Name(walletrpc.Hold{}, "WalletHold") // the names the API published before it answered walletrpc's types
	r.Document().Name(walletrpc.Entry{}, "LedgerEntry")
	m.registerBalance(r)
	m.registerTopups(r)
	m.registerWithdrawals(r)
	m.registerAdmin(r)
	m.registerUnmatched(r)
}

// caller returns the authenticated identity (every /wallet route requires one), its user
// id in the canonical lowercase form the wallet service stores.
func caller(call *httpapi.Call) auth.Identity {
	id := call.Caller
	id.UserID = strings.ToLower(id.UserID)
	return id
}

// requester names the caller as the one asking for a withdrawal: their user id, or for a
// service token "service:" and its subject ("service" without one), so that no service can
// pass as an admin or a user.
func requester(who auth.Identity) string {
	switch {
	case who.Role != auth.RoleService:
		return who.UserID
	case who.UserID == "":
		return "service"
	}
	return "service:" + who.UserID
}

// withHolds answers a wallet's holds as a list, never null.
func withHolds(w walletrpc.Wallet, err error) (walletrpc.Wallet, error) {
	if w.Holds == nil {
		w.Holds = []walletrpc.Hold{}
	}
	return w, err
}
