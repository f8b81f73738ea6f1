package walletrpc

import "time"

// WalletRequest names the wallet of a user (the caller, or the user an admin looks at).
type WalletRequest struct {
	UserID string `json:"user_id"`
}

// Wallet is a user's balance: posted balance, active holds and what is left to spend.
type Wallet struct {
	WalletID       string    `json:"wallet_id" format:"uuid"`
	UserID         string    `json:"user_id" format:"uuid"`
	Currency       string    `json:"currency" example:"EUR" doc:"ISO 4217 code."`
	Status         string    `json:"status" enum:"ACTIVE,SUSPENDED" doc:"A suspended wallet cannot pay or withdraw; it still receives refunds and payouts."` // ACTIVE or SUSPENDED
	BalanceCents   int64     `json:"balance_cents" doc:"Sum of the POSTED ledger entries."`
	HeldCents      int64     `json:"held_cents" doc:"Reserved by active holds."`
	AvailableCents int64     `json:"available_cents" doc:"balance_cents minus held_cents."`
	Holds          []Hold    `json:"holds" doc:"The active holds."` // the ACTIVE holds
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Hold is funds reserved for a purchase or a withdrawal.
type Hold struct {
	HoldID       string     `json:"hold_id" format:"uuid"`
	PurchaseID   string     `json:"purchase_id,omitempty" format:"uuid"`
	WithdrawalID string     `json:"withdrawal_id,omitempty" format:"uuid"`
	PoolID       string     `json:"pool_id,omitempty" format:"uuid"`
	AmountCents  int64      `json:"amount_cents"`
	Currency     string     `json:"currency"`
	Status       string     `json:"status" enum:"ACTIVE,CAPTURED,RELEASED"`      // ACTIVE, CAPTURED, RELEASED
	Reason       string     `json:"reason" enum:"TICKET_RESERVATION,WITHDRAWAL"` // TICKET_RESERVATION or WITHDRAWAL
	ExpiresAt    *time.Time `json:"expires_at,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
}

// StatusRequest suspends or re-activates a user's wallet (admin). A suspended wallet cannot
// pay or withdraw but still receives refunds and payouts.
type StatusRequest struct {
	Actor  string `json:"actor"`
	UserID string `json:"user_id"`
	Reason string `json:"reason,omitempty"`
}
