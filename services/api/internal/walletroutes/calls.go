package walletroutes

import (
	"context"

	"tickup.dev/pkg/contract/walletrpc"
)

// decisionCall approves or rejects a withdrawal.
type decisionCall func(context.Context, walletrpc.DecisionRequest) (walletrpc.Withdrawal, error)

// statusCall suspends or re-activates a wallet.
type statusCall func(context.Context, walletrpc.StatusRequest) (walletrpc.Wallet, error)
