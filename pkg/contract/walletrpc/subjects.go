// Package walletrpc is the wallet service's request/reply contract: subjects, request and
// response types with the seed's JSON field names, problem types and a typed client. The
// API gateway passes the authenticated caller as user_id, and the admin as actor.
package walletrpc

// Subjects of the wallet's endpoints, all under tickup.rpc.wallet.
const (
	SubjectGetWallet         = "tickup.rpc.wallet.get"
	SubjectListLedger        = "tickup.rpc.wallet.ledger.list"
	SubjectCreateTopup       = "tickup.rpc.wallet.topups.create"
	SubjectGetTopup          = "tickup.rpc.wallet.topups.get"
	SubjectListTopups        = "tickup.rpc.wallet.topups.list"
	SubjectCancelTopup       = "tickup.rpc.wallet.topups.cancel"
	SubjectRequestWithdrawal = "tickup.rpc.wallet.withdrawals.request"
	SubjectGetWithdrawal     = "tickup.rpc.wallet.withdrawals.get"
	SubjectListWithdrawals   = "tickup.rpc.wallet.withdrawals.list"
	SubjectCancelWithdrawal  = "tickup.rpc.wallet.withdrawals.cancel"
	SubjectApproveWithdrawal = "tickup.rpc.wallet.withdrawals.approve"
	SubjectRejectWithdrawal  = "tickup.rpc.wallet.withdrawals.reject"
	SubjectCreateAdjustment  = "tickup.rpc.wallet.adjustments.create"
	SubjectReverseEntry      = "tickup.rpc.wallet.entries.reverse"
	SubjectSuspendWallet     = "tickup.rpc.wallet.suspend"
	SubjectActivateWallet    = "tickup.rpc.wallet.activate"
	SubjectListUnmatched     = "tickup.rpc.wallet.unmatched.list"
	SubjectResolveUnmatched  = "tickup.rpc.wallet.unmatched.resolve"
	defaultPageLimit         = 50
	maxPageLimit             = 200
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
