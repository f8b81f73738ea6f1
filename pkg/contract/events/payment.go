package events

// Topup is the body shared by the top-up events the API derives from provider webhooks.
type Topup struct {
	SchemaVersion   int    `json:"schema_version"`
	TopupID         string `json:"topup_id"`
	UserID          string `json:"user_id,omitempty"`
	Provider        string `json:"provider"`
	ProviderTxnID   string `json:"provider_txn_id"`
	ProviderEventID string `json:"provider_event_id,omitempty"`
	AmountCents     int64  `json:"amount_cents"`
	Currency        string `json:"currency"`
	Reason          string `json:"reason,omitempty"` // why it failed
}

// TopupProcessing reports that the provider is processing a top-up.
type TopupProcessing Topup

// TopupSucceeded reports that the provider collected a top-up.
type TopupSucceeded Topup

// TopupFailed reports that a top-up failed at the provider.
type TopupFailed Topup

// Withdrawal is the body shared by the withdrawal outcome events.
type Withdrawal struct {
	SchemaVersion   int    `json:"schema_version"`
	WithdrawalID    string `json:"withdrawal_id"`
	UserID          string `json:"user_id,omitempty"`
	Provider        string `json:"provider"`
	ProviderTxnID   string `json:"provider_txn_id"`
	ProviderEventID string `json:"provider_event_id,omitempty"`
	AmountCents     int64  `json:"amount_cents"`
	Currency        string `json:"currency"`
	Reason          string `json:"reason,omitempty"` // why it failed
}

// WithdrawalSucceeded reports that the provider paid a withdrawal out.
type WithdrawalSucceeded Withdrawal

// WithdrawalFailed reports that the provider could not pay a withdrawal out.
type WithdrawalFailed Withdrawal

// EventType implements Event.
func (TopupProcessing) EventType() string { return TypeTopupProcessing.String() }

// EventSubject implements Event.
func (TopupProcessing) EventSubject() string { return TypeTopupProcessing.Subject("") }

// EventType implements Event.
func (TopupSucceeded) EventType() string { return TypeTopupSucceeded.String() }

// EventSubject implements Event.
func (TopupSucceeded) EventSubject() string { return TypeTopupSucceeded.Subject("") }

// EventType implements Event.
func (TopupFailed) EventType() string { return TypeTopupFailed.String() }

// EventSubject implements Event.
func (TopupFailed) EventSubject() string { return TypeTopupFailed.Subject("") }

// EventType implements Event.
func (WithdrawalSucceeded) EventType() string { return TypeWithdrawalSucceeded.String() }

// EventSubject implements Event.
func (WithdrawalSucceeded) EventSubject() string { return TypeWithdrawalSucceeded.Subject("") }

// EventType implements Event.
func (WithdrawalFailed) EventType() string { return TypeWithdrawalFailed.String() }

// EventSubject implements Event.
func (WithdrawalFailed) EventSubject() string { return TypeWithdrawalFailed.Subject("") }
