package purchases

import (
	"strings"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/validate"
)

// createRequest is the body of POST /purchases.
type createRequest struct {
	PoolID         string  `json:"pool_id" format:"uuid"`
	Type           string  `json:"type,omitempty" enum:"ENTRY,BOOST,RETRY" doc:"Default ENTRY."`
	TicketID       string  `json:"ticket_id,omitempty" format:"uuid" doc:"BOOST only: your ticket in this pool."`
	LosingTicketID string  `json:"losing_ticket_id,omitempty" format:"uuid" doc:"RETRY only: your losing ticket of a drawn pool of the same prize."`
	PaymentMethod  string  `json:"payment_method,omitempty" enum:"provider,wallet" doc:"provider: paid by card, confirmed by the provider's signed webhook; wallet: held from your wallet. Default provider when provider is set."`
	Provider       string  `json:"provider,omitempty" enum:"stripe,generic" doc:"payment_method provider only: whose webhook confirms the payment."`
	ProviderTxnID  string  `json:"provider_txn_id,omitempty" doc:"payment_method provider only: the provider's transaction (Stripe: payment intent) id, if already known."`
	AmountCents    *int64  `json:"amount_cents,omitempty" doc:"Optional; when sent it must be the pool's price for this type."`
	Currency       *string `json:"currency,omitempty" doc:"Optional; when sent it must be the pool's currency."`
	UserID         *string `json:"user_id,omitempty" format:"uuid" doc:"Optional; must be your own id (admins and services may buy for anyone)."`
}

// maxTxnIDLength bounds provider transaction ids.
const maxTxnIDLength = 255

// normalise validates the request's own fields, fills the defaults and lower-cases ids;
// the error is a 422 naming every bad field.
func (r createRequest) normalise() (createRequest, error) {
	var chk validate.Checker
	r.PoolID, r.TicketID, r.LosingTicketID = lower(r.PoolID), lower(r.TicketID), lower(r.LosingTicketID)
	chk.UUID("pool_id", r.PoolID)
	if r.Type == "" {
		r.Type = events.PurchaseEntry
	}
	if chk.OneOf("type", r.Type, events.PurchaseEntry, events.PurchaseBoost, events.PurchaseRetry) {
		checkTicketRefs(&chk, r)
	}
	if r.PaymentMethod == "" && r.Provider != "" {
		r.PaymentMethod = events.PaymentProvider
	}
	if chk.OneOf("payment_method", r.PaymentMethod, events.PaymentProvider, events.PaymentWallet) {
		checkProvider(&chk, r)
	}
	return r, chk.Err()
}

// checkTicketRefs checks that BOOST names a ticket, RETRY a losing ticket, ENTRY neither.
func checkTicketRefs(chk *validate.Checker, r createRequest) {
	if r.Type == events.PurchaseBoost {
		chk.UUID("ticket_id", r.TicketID)
	} else {
		chk.Check(r.TicketID == "", "ticket_id", "is only for type BOOST")
	}
	if r.Type == events.PurchaseRetry {
		chk.UUID("losing_ticket_id", r.LosingTicketID)
	} else {
		chk.Check(r.LosingTicketID == "", "losing_ticket_id", "is only for type RETRY")
	}
}

// checkProvider checks that a provider payment names a known provider and a wallet
// payment names none.
func checkProvider(chk *validate.Checker, r createRequest) {
	if r.PaymentMethod == events.PaymentWallet {
		chk.Check(r.Provider == "", "provider", "is only for payment_method provider")
		chk.Check(r.ProviderTxnID == "", "provider_txn_id", "is only for payment_method provider")
		return
	}
	chk.OneOf("provider", r.Provider, ProviderStripe, ProviderGeneric)
	chk.Check(len(r.ProviderTxnID) <= maxTxnIDLength, "provider_txn_id", "is longer than 255 characters")
}

// lower lower-cases an id (UUIDs are compared in canonical lower case).
func lower(s string) string { return strings.ToLower(s) }
