package walletrpc

import (
	"context"

	"github.com/nats-io/nats.go"
)

// Client calls the wallet service. Refusals come back as errors wrapping *rpc.Problem; no
// wallet instance answering as rpc.ErrUnavailable.
type Client struct {
	nc *nats.Conn
}

// NewClient returns a client over nc.
func NewClient(nc *nats.Conn) *Client { return &Client{nc: nc} }

// Wallet returns a user's wallet (created on first use).
func (c *Client) Wallet(ctx context.Context, req WalletRequest) (Wallet, error) {
	return GetWallet.Call(ctx, c.nc, req)
}

// Ledger returns a page of a user's ledger.
func (c *Client) Ledger(ctx context.Context, req LedgerRequest) (LedgerPage, error) {
	return ListLedger.Call(ctx, c.nc, req)
}

// CreateTopup starts a top-up.
func (c *Client) CreateTopup(ctx context.Context, req CreateTopupRequest) (Topup, error) {
	return CreateTopup.Call(ctx, c.nc, req)
}

// Topup returns one of the caller's top-ups.
func (c *Client) Topup(ctx context.Context, req TopupRequest) (Topup, error) {
	return GetTopup.Call(ctx, c.nc, req)
}

// Topups returns a page of the caller's top-ups.
func (c *Client) Topups(ctx context.Context, req ListRequest) (TopupPage, error) {
	return ListTopups.Call(ctx, c.nc, req)
}

// CancelTopup cancels a top-up the provider has not started processing.
func (c *Client) CancelTopup(ctx context.Context, req TopupRequest) (Topup, error) {
	return CancelTopup.Call(ctx, c.nc, req)
}

// RequestWithdrawal asks for a payout; the amount is held until it ends.
func (c *Client) RequestWithdrawal(ctx context.Context, req WithdrawalCreateRequest) (Withdrawal, error) {
	return RequestWithdrawal.Call(ctx, c.nc, req)
}

// Withdrawal returns one withdrawal.
func (c *Client) Withdrawal(ctx context.Context, req WithdrawalRequest) (Withdrawal, error) {
	return GetWithdrawal.Call(ctx, c.nc, req)
}

// Withdrawals returns a page of withdrawals.
func (c *Client) Withdrawals(ctx context.Context, req ListWithdrawalsRequest) (WithdrawalPage, error) {
	return ListWithdrawals.Call(ctx, c.nc, req)
}

// CancelWithdrawal cancels the caller's REQUESTED withdrawal.
func (c *Client) CancelWithdrawal(ctx context.Context, req WithdrawalRequest) (Withdrawal, error) {
	return CancelWithdrawal.Call(ctx, c.nc, req)
}

// ApproveWithdrawal sends a REQUESTED withdrawal to the provider (admin).
func (c *Client) ApproveWithdrawal(ctx context.Context, req DecisionRequest) (Withdrawal, error) {
	return ApproveWithdrawal.Call(ctx, c.nc, req)
}

// RejectWithdrawal refuses a REQUESTED withdrawal and releases its hold (admin).
func (c *Client) RejectWithdrawal(ctx context.Context, req DecisionRequest) (Withdrawal, error) {
	return RejectWithdrawal.Call(ctx, c.nc, req)
}

// Adjust books an admin adjustment.
func (c *Client) Adjust(ctx context.Context, req AdjustmentRequest) (Entry, error) {
	return CreateAdjustment.Call(ctx, c.nc, req)
}

// Reverse reverses a ledger entry (admin).
func (c *Client) Reverse(ctx context.Context, req ReversalRequest) (Entry, error) {
	return ReverseEntry.Call(ctx, c.nc, req)
}

// Suspend suspends a wallet (admin).
func (c *Client) Suspend(ctx context.Context, req StatusRequest) (Wallet, error) {
	return SuspendWallet.Call(ctx, c.nc, req)
}

// UnmatchedPayments returns a page of the provider reports that matched no request (admin).
func (c *Client) UnmatchedPayments(ctx context.Context, req ListUnmatchedRequest) (UnmatchedPage, error) {
	return ListUnmatched.Call(ctx, c.nc, req)
}

// ResolveUnmatched closes an OPEN unmatched payment with what the admin did about it.
func (c *Client) ResolveUnmatched(ctx context.Context, req ResolveUnmatchedRequest) (UnmatchedPayment, error) {
	return ResolveUnmatched.Call(ctx, c.nc, req)
}

// Activate re-activates a suspended wallet (admin).
func (c *Client) Activate(ctx context.Context, req StatusRequest) (Wallet, error) {
	return ActivateWallet.Call(ctx, c.nc, req)
}
