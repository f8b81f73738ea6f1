package walletroutes

import (
	"time"

	"tickup.dev/pkg/contract/walletrpc"
)

// Wallet is a user's balance as the API shows it: the posted balance, what active holds
// reserve, and what is left to spend.
type Wallet struct {
	WalletID       string       `json:"wallet_id" format:"uuid"`
	UserID         string       `json:"user_id" format:"uuid"`
	Currency       string       `json:"currency" example:"EUR" doc:"ISO 4217 code."`
	Status         string       `json:"status" enum:"ACTIVE,SUSPENDED" doc:"A suspended wallet cannot pay or withdraw; it still receives refunds and payouts."`
	BalanceCents   int64        `json:"balance_cents" doc:"Sum of the POSTED ledger entries."`
	HeldCents      int64        `json:"held_cents" doc:"Reserved by active holds."`
	AvailableCents int64        `json:"available_cents" doc:"balance_cents minus held_cents."`
	Holds          []WalletHold `json:"holds" doc:"The active holds."`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
}

// WalletHold is money reserved for a purchase or a withdrawal.
type WalletHold struct {
	HoldID       string     `json:"hold_id" format:"uuid"`
	PurchaseID   string     `json:"purchase_id,omitempty" format:"uuid"`
	WithdrawalID string     `json:"withdrawal_id,omitempty" format:"uuid"`
	PoolID       string     `json:"pool_id,omitempty" format:"uuid"`
	AmountCents  int64      `json:"amount_cents"`
	Currency     string     `json:"currency"`
	Status       string     `json:"status" enum:"ACTIVE,CAPTURED,RELEASED"`
	Reason       string     `json:"reason" enum:"TICKET_RESERVATION,WITHDRAWAL"`
	ExpiresAt    *time.Time `json:"expires_at,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
}

// LedgerEntry is one line of the append-only ledger; only POSTED entries count.
type LedgerEntry struct {
	EntryID         int64      `json:"entry_id"`
	WalletID        string     `json:"wallet_id" format:"uuid"`
	Direction       string     `json:"direction" enum:"CREDIT,DEBIT"`
	Reason          string     `json:"reason" enum:"TOPUP,TICKET_PURCHASE,REFUND,PRIZE_PAYOUT,ADJUSTMENT,WITHDRAWAL"`
	Status          string     `json:"status" enum:"PENDING,POSTED,REVERSED"`
	AmountCents     int64      `json:"amount_cents"`
	Currency        string     `json:"currency"`
	RefPurchaseID   string     `json:"ref_purchase_id,omitempty" format:"uuid"`
	RefPoolID       string     `json:"ref_pool_id,omitempty" format:"uuid"`
	RefTicketID     string     `json:"ref_ticket_id,omitempty" format:"uuid"`
	RefTopupID      string     `json:"ref_topup_id,omitempty" format:"uuid"`
	RefWithdrawalID string     `json:"ref_withdrawal_id,omitempty" format:"uuid"`
	RefExternalTxn  string     `json:"ref_external_txn,omitempty"`
	Actor           string     `json:"actor,omitempty" doc:"The admin who booked or reversed it."`
	Note            string     `json:"note,omitempty" doc:"An adjustment's reason."`
	CreatedAt       time.Time  `json:"created_at"`
	PostedAt        *time.Time `json:"posted_at,omitempty"`
	ReversedAt      *time.Time `json:"reversed_at,omitempty"`
	ReversalReason  string     `json:"reversal_reason,omitempty"`
}

// Topup is a request to load money into a wallet through a payment provider.
type Topup struct {
	TopupID       string     `json:"topup_id" format:"uuid"`
	WalletID      string     `json:"wallet_id" format:"uuid"`
	UserID        string     `json:"user_id" format:"uuid"`
	AmountCents   int64      `json:"amount_cents"`
	Currency      string     `json:"currency"`
	Provider      string     `json:"provider"`
	ProviderTxnID string     `json:"provider_txn_id,omitempty"`
	Status        string     `json:"status" enum:"CREATED,PROCESSING,COMPLETED,FAILED,CANCELLED"`
	FailureReason string     `json:"failure_reason,omitempty"`
	EntryID       *int64     `json:"entry_id,omitempty" doc:"The CREDIT TOPUP entry, once completed."`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	CompletedAt   *time.Time `json:"completed_at,omitempty"`
}

// Withdrawal is a request to pay money out of a wallet; its amount is held until it ends.
type Withdrawal struct {
	WithdrawalID   string     `json:"withdrawal_id" format:"uuid"`
	WalletID       string     `json:"wallet_id" format:"uuid"`
	UserID         string     `json:"user_id" format:"uuid"`
	AmountCents    int64      `json:"amount_cents"`
	Currency       string     `json:"currency"`
	Provider       string     `json:"provider"`
	Destination    string     `json:"destination"`
	ProviderTxnID  string     `json:"provider_txn_id,omitempty"`
	Status         string     `json:"status" enum:"REQUESTED,PROCESSING,COMPLETED,FAILED,REJECTED,CANCELLED"`
	HoldID         string     `json:"hold_id" format:"uuid"`
	EntryID        *int64     `json:"entry_id,omitempty" doc:"The DEBIT WITHDRAWAL entry, once approved."`
	RequestedBy    string     `json:"requested_by" doc:"Who asked for it: the owner, or the admin (or service:<id>) that asked on the owner's behalf. Neither may approve it."`
	ApprovedBy     string     `json:"approved_by,omitempty" doc:"The admin who approved it: never requested_by, never the owner."`
	DecidedBy      string     `json:"decided_by,omitempty" doc:"The admin who approved or rejected it."`
	DecisionReason string     `json:"decision_reason,omitempty"`
	FailureReason  string     `json:"failure_reason,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	CompletedAt    *time.Time `json:"completed_at,omitempty"`
}

// UnmatchedPayment is a provider event about money that could not be applied to the
// top-up or withdrawal it names (another provider, amount or currency, a request in a
// state it cannot apply to, a second transaction): recorded for an operator to resolve.
type UnmatchedPayment struct {
	UnmatchedID     string     `json:"unmatched_id" format:"uuid"`
	Kind            string     `json:"kind" enum:"TOPUP,WITHDRAWAL"`
	RefID           string     `json:"ref_id" format:"uuid" doc:"The topup_id or withdrawal_id the provider named."`
	Outcome         string     `json:"outcome" enum:"PROCESSING,SUCCEEDED,FAILED" doc:"What the provider reported."`
	Provider        string     `json:"provider"`
	ProviderTxnID   string     `json:"provider_txn_id,omitempty"`
	ProviderEventID string     `json:"provider_event_id,omitempty"`
	AmountCents     int64      `json:"amount_cents" doc:"As the provider reported it."`
	Currency        string     `json:"currency" doc:"As the provider reported it."`
	Reason          string     `json:"reason" doc:"Why it could not be applied."`
	Status          string     `json:"status" enum:"OPEN,RESOLVED"`
	ResolvedBy      string     `json:"resolved_by,omitempty"`
	Resolution      string     `json:"resolution,omitempty" doc:"What the operator did about it."`
	CreatedAt       time.Time  `json:"created_at"`
	ResolvedAt      *time.Time `json:"resolved_at,omitempty"`
}

// toWallet converts the wallet service's answer for the API.
func toWallet(w walletrpc.Wallet) Wallet {
	out := Wallet{WalletID: w.WalletID, UserID: w.UserID, Currency: w.Currency, Status: w.Status,
		BalanceCents: w.BalanceCents, HeldCents: w.HeldCents, AvailableCents: w.AvailableCents,
		Holds: make([]WalletHold, 0, len(w.Holds)), CreatedAt: w.CreatedAt.UTC(), UpdatedAt: w.UpdatedAt.UTC()}
	for _, h := range w.Holds {
		out.Holds = append(out.Holds, WalletHold{HoldID: h.HoldID, PurchaseID: h.PurchaseID, WithdrawalID: h.WithdrawalID,
			PoolID: h.PoolID, AmountCents: h.AmountCents, Currency: h.Currency, Status: h.Status, Reason: h.Reason,
			ExpiresAt: h.ExpiresAt, CreatedAt: h.CreatedAt.UTC()})
	}
	return out
}

// toEntry converts a ledger entry for the API.
func toEntry(e walletrpc.Entry) LedgerEntry {
	return LedgerEntry{EntryID: e.EntryID, WalletID: e.WalletID, Direction: e.Direction, Reason: e.Reason,
		Status: e.Status, AmountCents: e.AmountCents, Currency: e.Currency, RefPurchaseID: e.RefPurchaseID,
		RefPoolID: e.RefPoolID, RefTicketID: e.RefTicketID, RefTopupID: e.RefTopupID, RefWithdrawalID: e.RefWithdrawalID,
		RefExternalTxn: e.RefExternalTxn, Actor: e.Actor, Note: e.Note, CreatedAt: e.CreatedAt.UTC(),
		PostedAt: e.PostedAt, ReversedAt: e.ReversedAt, ReversalReason: e.ReversalReason}
}

// toTopup converts a top-up for the API.
func toTopup(t walletrpc.Topup) Topup {
	return Topup{TopupID: t.TopupID, WalletID: t.WalletID, UserID: t.UserID, AmountCents: t.AmountCents,
		Currency: t.Currency, Provider: t.Provider, ProviderTxnID: t.ProviderTxnID, Status: t.Status,
		FailureReason: t.FailureReason, EntryID: t.EntryID, CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC(),
		CompletedAt: t.CompletedAt}
}

// toWithdrawal converts a withdrawal for the API.
func toWithdrawal(w walletrpc.Withdrawal) Withdrawal {
	return Withdrawal{WithdrawalID: w.WithdrawalID, WalletID: w.WalletID, UserID: w.UserID, AmountCents: w.AmountCents,
		Currency: w.Currency, Provider: w.Provider, Destination: w.Destination, ProviderTxnID: w.ProviderTxnID,
		Status: w.Status, HoldID: w.HoldID, EntryID: w.EntryID, RequestedBy: w.RequestedBy, ApprovedBy: w.ApprovedBy, DecidedBy: w.DecidedBy, DecisionReason: w.DecisionReason,
		FailureReason: w.FailureReason, CreatedAt: w.CreatedAt.UTC(), UpdatedAt: w.UpdatedAt.UTC(), CompletedAt: w.CompletedAt}
}
