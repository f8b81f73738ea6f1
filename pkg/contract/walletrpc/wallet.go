package walletrpc

import "time"

// WalletRequest names the wallet of a user (the caller, or the user an admin looks at).
type WalletRequest struct {
	UserID string `json:"user_id"`
}

// Wallet is a user's balance: posted balance, active holds and what is left to spend.
type Wallet struct {
	WalletID       string    `json:"wallet_id"`
	UserID         string    `json:"user_id"`
	Currency       string    `json:"currency"`
	Status         string    `json:"status"` // ACTIVE or SUSPENDED
	BalanceCents   int64     `json:"balance_cents"`
	HeldCents      int64     `json:"held_cents"`
	AvailableCents int64     `json:"available_cents"`
	Holds          []Hold    `json:"holds"` // the ACTIVE holds
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Hold is funds reserved for a purchase or a withdrawal.
type Hold struct {
	HoldID       string     `json:"hold_id"`
	PurchaseID   string     `json:"purchase_id,omitempty"`
	WithdrawalID string     `json:"withdrawal_id,omitempty"`
	PoolID       string     `json:"pool_id,omitempty"`
	AmountCents  int64      `json:"amount_cents"`
	Currency     string     `json:"currency"`
	Status       string     `json:"status"` // ACTIVE, CAPTURED, RELEASED
	Reason       string     `json:"reason"` // TICKET_RESERVATION or WITHDRAWAL
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
