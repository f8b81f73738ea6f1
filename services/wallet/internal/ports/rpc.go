package ports

import (
	"context"
	"log/slog"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/app"
)

// endpoints serve the walletrpc contract.
type endpoints struct {
	app app.Application
}

// RegisterRPC adds every walletrpc endpoint to svc. The caller flushes the connection before
// declaring the service ready.
func RegisterRPC(svc *rpc.Service, a app.Application, log *slog.Logger) error {
	e, r := &endpoints{app: a}, &registrar{svc: svc, opt: rpc.WithLogger(log)}
	register(r, walletrpc.GetWallet, e.getWallet)
	register(r, walletrpc.ListLedger, e.listLedger)
	register(r, walletrpc.CreateTopup, e.createTopup)
	register(r, walletrpc.GetTopup, e.getTopup)
	register(r, walletrpc.ListTopups, e.listTopups)
	register(r, walletrpc.CancelTopup, e.cancelTopup)
	register(r, walletrpc.RequestWithdrawal, e.requestWithdrawal)
	register(r, walletrpc.GetWithdrawal, e.getWithdrawal)
	register(r, walletrpc.ListWithdrawals, e.listWithdrawals)
	register(r, walletrpc.CancelWithdrawal, e.cancelWithdrawal)
	register(r, walletrpc.ApproveWithdrawal, e.approveWithdrawal)
	register(r, walletrpc.RejectWithdrawal, e.rejectWithdrawal)
	register(r, walletrpc.CreateAdjustment, e.adjust)
	register(r, walletrpc.ReverseEntry, e.reverse)
	register(r, walletrpc.SuspendWallet, e.suspend)
	register(r, walletrpc.ActivateWallet, e.activate)
	register(r, walletrpc.ListUnmatched, e.listUnmatched)
	register(r, walletrpc.ResolveUnmatched, e.resolveUnmatched)
	return r.err
}

// registrar adds endpoints until the first failure, which it keeps.
type registrar struct {
	svc *rpc.Service
	opt rpc.Option
	err error
}

func register[Req, Resp any](r *registrar, ep rpc.Endpoint[Req, Resp], fn func(context.Context, Req) (Resp, error)) {
	if r.err == nil {
		r.err = rpc.Serve(r.svc, ep, fn, r.opt)
	}
}
