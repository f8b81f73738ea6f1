// Package walletrpc is the wallet service's request/reply contract: subjects, request and
// response types with the seed's JSON field names, problem types and a typed client. The
// API gateway passes the authenticated caller as user_id, and the admin as actor.
//
// The gateway answers the wallet, ledger, top-up and withdrawal types as they are, so
// their fields carry the API's tags too: doc, format and enum document a field in the
// OpenAPI document.
package walletrpc

import "tickup.dev/pkg/rpc"

// Endpoints of the wallet, all under tickup.rpc.wallet.
var (
	GetWallet         = rpc.Endpoint[WalletRequest, Wallet]{Name: "get_wallet", Subject: "tickup.rpc.wallet.get"}
	ListLedger        = rpc.Endpoint[LedgerRequest, LedgerPage]{Name: "list_ledger", Subject: "tickup.rpc.wallet.ledger.list"}
	CreateTopup       = rpc.Endpoint[CreateTopupRequest, Topup]{Name: "create_topup", Subject: "tickup.rpc.wallet.topups.create"}
	GetTopup          = rpc.Endpoint[TopupRequest, Topup]{Name: "get_topup", Subject: "tickup.rpc.wallet.topups.get"}
	ListTopups        = rpc.Endpoint[ListRequest, TopupPage]{Name: "list_topups", Subject: "tickup.rpc.wallet.topups.list"}
	CancelTopup       = rpc.Endpoint[TopupRequest, Topup]{Name: "cancel_topup", Subject: "tickup.rpc.wallet.topups.cancel"}
	RequestWithdrawal = rpc.Endpoint[WithdrawalCreateRequest, Withdrawal]{Name: "request_withdrawal", Subject: "tickup.rpc.wallet.withdrawals.request"}
	GetWithdrawal     = rpc.Endpoint[WithdrawalRequest, Withdrawal]{Name: "get_withdrawal", Subject: "tickup.rpc.wallet.withdrawals.get"}
	ListWithdrawals   = rpc.Endpoint[ListWithdrawalsRequest, WithdrawalPage]{Name: "list_withdrawals", Subject: "tickup.rpc.wallet.withdrawals.list"}
	CancelWithdrawal  = rpc.Endpoint[WithdrawalRequest, Withdrawal]{Name: "cancel_withdrawal", Subject: "tickup.rpc.wallet.withdrawals.cancel"}
	ApproveWithdrawal = rpc.Endpoint[DecisionRequest, Withdrawal]{Name: "approve_withdrawal", Subject: "tickup.rpc.wallet.withdrawals.approve"}
	RejectWithdrawal  = rpc.Endpoint[DecisionRequest, Withdrawal]{Name: "reject_withdrawal", Subject: "tickup.rpc.wallet.withdrawals.reject"}
	CreateAdjustment  = rpc.Endpoint[AdjustmentRequest, Entry]{Name: "create_adjustment", Subject: "tickup.rpc.wallet.adjustments.create"}
	ReverseEntry      = rpc.Endpoint[ReversalRequest, Entry]{Name: "reverse_entry", Subject: "tickup.rpc.wallet.entries.reverse"}
	SuspendWallet     = rpc.Endpoint[StatusRequest, Wallet]{Name: "suspend_wallet", Subject: "tickup.rpc.wallet.suspend"}
	ActivateWallet    = rpc.Endpoint[StatusRequest, Wallet]{Name: "activate_wallet", Subject: "tickup.rpc.wallet.activate"}
	ListUnmatched     = rpc.Endpoint[ListUnmatchedRequest, UnmatchedPage]{Name: "list_unmatched", Subject: "tickup.rpc.wallet.unmatched.list"}
	ResolveUnmatched  = rpc.Endpoint[ResolveUnmatchedRequest, UnmatchedPayment]{Name: "resolve_unmatched", Subject: "tickup.rpc.wallet.unmatched.resolve"}
)

// Page sizes of the list endpoints.
const (
	defaultPageLimit = 50
	maxPageLimit     = 200
)

// Problem types the wallet answers with, besides rpc's malformed-json and internal. Each
// status is the HTTP status the gateway should answer.
const (
	ProblemValidation        = "https://tickup.dev/problems/validation-failed"        // 422, with errors per field
	ProblemNotFound          = "https://tickup.dev/problems/not-found"                // 404
	ProblemConflict          = "https://tickup.dev/problems/conflict"                 // 409: not in a state that allows it
	ProblemInsufficientFunds = "https://tickup.dev/problems/insufficient-funds"       // 422
	ProblemWalletSuspended   = "https://tickup.dev/problems/wallet-suspended"         // 409
	ProblemCurrencyMismatch  = "https://tickup.dev/problems/currency-mismatch"        // 422
	ProblemLimitExceeded     = "https://tickup.dev/problems/limit-exceeded"           // 422: withdrawal minimum or daily limit
	ProblemSecondApprover    = "https://tickup.dev/problems/second-approver-required" // 403: the requester or owner may not approve
)

// PageLimit clamps a requested page size: 0 means the default (50), at most 200.
func PageLimit(limit int) int {
	switch {
	case limit <= 0:
		return defaultPageLimit
	case limit > maxPageLimit:
		return maxPageLimit
	}
	return limit
}
