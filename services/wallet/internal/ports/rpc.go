package ports

import (
	"context"
	"log/slog"

	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/pkg/contract/walletrpc"
)

// endpoints serve the walletrpc contract.
type endpoints struct {
	app *app.App
}

// RegisterRPC adds every walletrpc endpoint to svc. The caller flushes the connection before
// declaring the service ready.
func RegisterRPC(svc *rpc.Service, a *app.App, log *slog.Logger) error {
	e, r := &endpoints{app: a}, &registrar{svc: svc, opt: rpc.WithLogger(log)}
	register(r, "get_wallet", walletrpc.SubjectGetWallet, e.getWallet)
	register(r, "list_ledger", walletrpc.SubjectListLedger, e.listLedger)
	register(r, "create_topup", walletrpc.SubjectCreateTopup, e.createTopup)
	register(r, "get_topup", walletrpc.SubjectGetTopup, e.getTopup)
	register(r, "list_topups", walletrpc.SubjectListTopups, e.listTopups)
	register(r, "cancel_topup", walletrpc.SubjectCancelTopup, e.cancelTopup)
	register(r, "request_withdrawal", walletrpc.SubjectRequestWithdrawal, e.requestWithdrawal)
	register(r, "get_withdrawal", walletrpc.SubjectGetWithdrawal, e.getWithdrawal)
	register(r, "list_withdrawals", walletrpc.SubjectListWithdrawals, e.listWithdrawals)
	register(r, "cancel_withdrawal", walletrpc.SubjectCancelWithdrawal, e.cancelWithdrawal)
	register(r, "approve_withdrawal", walletrpc.SubjectApproveWithdrawal, e.approveWithdrawal)
	register(r, "reject_withdrawal", walletrpc.SubjectRejectWithdrawal, e.rejectWithdrawal)
	register(r, "create_adjustment", walletrpc.SubjectCreateAdjustment, e.adjust)
	register(r, "reverse_entry", walletrpc.SubjectReverseEntry, e.reverse)
	register(r, "suspend_wallet", walletrpc.SubjectSuspendWallet, e.suspend)
	register(r, "activate_wallet", walletrpc.SubjectActivateWallet, e.activate)
	register(r, "list_unmatched", walletrpc.SubjectListUnmatched, e.listUnmatched)
	register(r, "resolve_unmatched", walletrpc.SubjectResolveUnmatched, e.resolveUnmatched)
	return r.err
}

// registrar adds endpoints until the first failure, which it keeps.
type registrar struct {
	svc *rpc.Service
	opt rpc.Option
	err error
}

func register[Req, Resp any](r *registrar, name, subject string, fn func(context.Context, Req) (Resp, error)) {
	if r.err == nil {
		r.err = rpc.Handle(r.svc, nil, name, subject, fn, r.opt)
	}
}
