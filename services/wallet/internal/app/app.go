// Package app holds the wallet's use cases: one handler type per command or query, each in
// the file named after it, listed by Application. What they need (the store, the clock) is
// declared here as interfaces; the adapters implement them.
package app

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/wallet/internal/domain"
)

// Config tunes the wallet's rules.
type Config struct {
	HoldTTL         time.Duration           // a purchase hold's expires_at when the api sent no deadline
	Withdrawals     domain.WithdrawalLimits // minimum and daily withdrawal totals
	DefaultCurrency string                  // of wallets created by a spend
}

// Application is the table of contents of the wallet: every command and query.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands change wallets. The first group is what events trigger (the purchase saga and
// the payment providers' reports); the second what the RPC endpoints ask for.
type Commands struct {
	LockWallets         LockWallets
	PlaceHold           PlaceHold
	ConfirmHold         ConfirmHold
	ReleaseHold         ReleaseHold
	CaptureHold         CaptureHold
	UnwindPurchase      UnwindPurchase
	PayPrizes           PayPrizes
	MarkTopupProcessing MarkTopupProcessing
	CreditTopup         CreditTopup
	FailTopup           FailTopup
	CompleteWithdrawal  CompleteWithdrawal
	FailWithdrawal      FailWithdrawal

	CreateTopup       CreateTopup
	CancelTopup       CancelTopup
	RequestWithdrawal RequestWithdrawal
	ApproveWithdrawal ApproveWithdrawal
	RejectWithdrawal  RejectWithdrawal
	CancelWithdrawal  CancelWithdrawal
	AdjustBalance     AdjustBalance
	ReverseEntry      ReverseEntry
	SetWalletStatus   SetWalletStatus
	ResolveUnmatched  ResolveUnmatched
}

// Queries read wallets.
type Queries struct {
	GetWallet       GetWallet
	ListLedger      ListLedger
	GetTopup        GetTopup
	ListTopups      ListTopups
	GetWithdrawal   GetWithdrawal
	ListWithdrawals ListWithdrawals
	ListUnmatched   ListUnmatched
}

// deps are what every handler is built with.
type deps struct {
	store Store
	cfg   Config
	log   *slog.Logger
	now   func() time.Time
}

// New returns the wallet's use cases over store: a pool (each command opens its own
// transaction) or a transaction someone else opened (an event batch's).
func New(store Store, cfg Config, log *slog.Logger) Application {
	if cfg.DefaultCurrency == "" {
		cfg.DefaultCurrency = domain.DefaultCurrency
	}
	d := deps{store: store, cfg: cfg, log: log, now: func() time.Time { return time.Now().UTC() }}
	return Application{
		Commands: Commands{LockWallets: LockWallets{d}, PlaceHold: PlaceHold{d}, ConfirmHold: ConfirmHold{d},
			ReleaseHold: ReleaseHold{d}, CaptureHold: CaptureHold{d}, UnwindPurchase: UnwindPurchase{d},
			PayPrizes: PayPrizes{d}, MarkTopupProcessing: MarkTopupProcessing{d}, CreditTopup: CreditTopup{d},
			FailTopup: FailTopup{d}, CompleteWithdrawal: CompleteWithdrawal{d}, FailWithdrawal: FailWithdrawal{d},
			CreateTopup: CreateTopup{d}, CancelTopup: CancelTopup{d}, RequestWithdrawal: RequestWithdrawal{d},
			ApproveWithdrawal: ApproveWithdrawal{d}, RejectWithdrawal: RejectWithdrawal{d},
			CancelWithdrawal: CancelWithdrawal{d}, AdjustBalance: AdjustBalance{d}, ReverseEntry: ReverseEntry{d},
			SetWalletStatus: SetWalletStatus{d}, ResolveUnmatched: ResolveUnmatched{d}},
		Queries: Queries{GetWallet: GetWallet{d}, ListLedger: ListLedger{d}, GetTopup: GetTopup{d},
			ListTopups: ListTopups{d}, GetWithdrawal: GetWithdrawal{d}, ListWithdrawals: ListWithdrawals{d},
			ListUnmatched: ListUnmatched{d}},
	}
}

// newID returns a time-ordered UUID (v7), so ids sort in creation order.
func newID() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("new id: %w", err)
	}
	return id.String(), nil
}

// currencyOr returns c when it is a valid ISO code, else def.
func currencyOr(c, def string) string {
	if domain.ValidCurrency(c) {
		return c
	}
	return def
}
