package walletroutes

import (
	"strings"

	"tickup.dev/services/api/internal/validate"
)

// Payment providers a top-up or withdrawal may go through: those whose webhooks the
// gateway verifies (/webhooks/{provider}).
var providers = []string{"stripe", "generic"}

// Ledger reasons (docs/architecture.md, "Invariants"), for the ledger filter.
var ledgerReasons = []string{"TOPUP", "TICKET_PURCHASE", "REFUND", "PRIZE_PAYOUT", "ADJUSTMENT", "WITHDRAWAL"}

// Withdrawal states, for the list filter.
var withdrawalStates = []string{"REQUESTED", "PROCESSING", "COMPLETED", "FAILED", "REJECTED", "CANCELLED"}

// Longest free texts accepted (reasons, destinations).
const (
	maxReasonLength      = 500
	maxDestinationLength = 200
)

// topupRequest is the body of POST /wallet/topups.
type topupRequest struct {
	UserID      *string `json:"user_id,omitempty" format:"uuid" doc:"Whose wallet: the caller's; only admins may name another user."`
	AmountCents int64   `json:"amount_cents" minimum:"1" maximum:"100000000000" example:"2000"`
	Provider    string  `json:"provider" enum:"stripe,generic"`
	Currency    string  `json:"currency,omitempty" pattern:"^[A-Z]{3}$" example:"EUR" doc:"Must be the wallet's currency; default: the wallet's."`
}

// withdrawalRequest is the body of POST /wallet/withdrawals.
type withdrawalRequest struct {
	UserID      *string `json:"user_id,omitempty" format:"uuid" doc:"Whose wallet: the caller's; only admins and services may name another user, and are recorded as requested_by."`
	AmountCents int64   `json:"amount_cents" minimum:"1" maximum:"100000000000" example:"5000"`
	Provider    string  `json:"provider" enum:"stripe,generic"`
	Destination string  `json:"destination" example:"IBAN DE89 3704 0044 0532 0130 00" doc:"Where the provider pays the money to."`
	Currency    string  `json:"currency,omitempty" pattern:"^[A-Z]{3}$" example:"EUR" doc:"Must be the wallet's currency; default: the wallet's."`
}

// decisionRequest is the body of an admin decision on a withdrawal.
type decisionRequest struct {
	Reason string `json:"reason,omitempty" doc:"Why; required to reject."`
}

// adjustmentRequest is the body of POST /wallet/adjustments.
type adjustmentRequest struct {
	UserID      string `json:"user_id" format:"uuid" doc:"Whose wallet to adjust."`
	Direction   string `json:"direction" enum:"CREDIT,DEBIT"`
	AmountCents int64  `json:"amount_cents" minimum:"1" maximum:"100000000000" example:"1000"`
	Reason      string `json:"reason" doc:"Why: kept on the ledger entry."`
	Currency    string `json:"currency,omitempty" pattern:"^[A-Z]{3}$" example:"EUR" doc:"Must be the wallet's currency; default: the wallet's."`
}

// reasonRequest is a body that carries only a reason (reversal, suspension, re-activation).
type reasonRequest struct {
	Reason string `json:"reason,omitempty" doc:"Why; required to reverse an entry or suspend a wallet."`
}

// check validates a top-up body.
func (r topupRequest) check() error {
	var chk validate.Checker
	chk.PositiveCents("amount_cents", r.AmountCents)
	chk.OneOf("provider", r.Provider, providers...)
	optionalCurrency(&chk, r.Currency)
	return chk.Err()
}

// check validates a withdrawal body.
func (r withdrawalRequest) check() error {
	var chk validate.Checker
	chk.PositiveCents("amount_cents", r.AmountCents)
	chk.OneOf("provider", r.Provider, providers...)
	if chk.Required("destination", r.Destination) {
		chk.Check(len(r.Destination) <= maxDestinationLength, "destination", "must be at most 200 bytes")
	}
	optionalCurrency(&chk, r.Currency)
	return chk.Err()
}

// check validates an adjustment body.
func (r adjustmentRequest) check() error {
	var chk validate.Checker
	if chk.Required("user_id", r.UserID) {
		chk.UUID("user_id", r.UserID)
	}
	chk.OneOf("direction", r.Direction, "CREDIT", "DEBIT")
	chk.PositiveCents("amount_cents", r.AmountCents)
	reason(&chk, r.Reason, true)
	optionalCurrency(&chk, r.Currency)
	return chk.Err()
}

// checkReason validates a body whose reason may be required.
func checkReason(text string, required bool) error {
	var chk validate.Checker
	reason(&chk, text, required)
	return chk.Err()
}

// reason records a missing (when required) or overlong reason.
func reason(chk *validate.Checker, text string, required bool) {
	if required && !chk.Required("reason", text) {
		return
	}
	chk.Check(len(strings.TrimSpace(text)) <= maxReasonLength, "reason", "must be at most 500 bytes")
}

// optionalCurrency records a currency that is sent but not an ISO 4217 code.
func optionalCurrency(chk *validate.Checker, code string) {
	if code != "" {
		chk.Currency("currency", code)
	}
}
