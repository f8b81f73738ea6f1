package webhooks

import (
	"strings"

	"tickup.dev/services/api/internal/validate"
)

// What a provider says happened to a payment.
const (
	outcomeSucceeded  = "succeeded"
	outcomeFailed     = "failed"
	outcomeProcessing = "processing"
	// The provider gave the card payment back, or may (docs/architecture.md, "Card refunds
	// and disputes"): refunded (amountCents is the total refunded so far), disputed, and
	// the dispute closed won or lost (amountCents is the disputed amount).
	outcomeRefunded    = "refunded"
	outcomeDisputed    = "disputed"
	outcomeDisputeWon  = "dispute_won"
	outcomeDisputeLost = "dispute_lost"
)

// reversal reports whether the outcome is a refund or a dispute of a card payment.
func reversal(outcome string) bool {
	switch outcome {
	case outcomeRefunded, outcomeDisputed, outcomeDisputeWon, outcomeDisputeLost:
		return true
	}
	return false
}

// notice is a provider event reduced to what Tickup acts on, whatever the provider's format.
type notice struct {
	provider     string
	eventID      string
	eventType    string
	outcome      string // outcomeSucceeded, …; empty for an event type Tickup does not act on
	purchaseID   string // exactly one of purchaseID, topupID, withdrawalID
	topupID      string
	withdrawalID string
	txnID        string // the provider's transaction id
	amountCents  int64
	currency     string
	reason       string // why the payment failed
}

// maxEventIDLength bounds event ids (the receipt's key).
const maxEventIDLength = 255

// check validates a notice Tickup acts on; the error is a 422 naming every bad field.
// Event types it ignores only need an id.
func (n notice) check() error {
	var chk validate.Checker
	chk.Check(n.eventID != "" && len(n.eventID) <= maxEventIDLength, "id", "must be the provider's event id (1 to 255 characters)")
	if n.outcome == "" {
		return chk.Err()
	}
	if reversal(n.outcome) {
		return n.checkReversal(&chk)
	}
	targets := 0
	for _, t := range [][2]string{{"purchase_id", n.purchaseID}, {"topup_id", n.topupID}, {"withdrawal_id", n.withdrawalID}} {
		if t[1] != "" {
			targets++
			chk.UUID(t[0], t[1])
		}
	}
	chk.Check(targets == 1, "purchase_id", "exactly one of purchase_id, topup_id and withdrawal_id must be set")
	chk.Check(n.txnID != "" || n.outcome == outcomeFailed, "provider_txn_id", "is required")
	chk.Check(len(n.txnID) <= maxEventIDLength, "provider_txn_id", "is longer than 255 characters")
	chk.PositiveCents("amount_cents", n.amountCents)
	chk.Currency("currency", n.currency)
	return chk.Err()
}

// checkReversal validates a refund or a dispute: only purchases are refunded or disputed
// through Tickup, named by their id or by the provider transaction that paid them.
func (n notice) checkReversal(chk *validate.Checker) error {
	chk.Check(n.topupID == "" && n.withdrawalID == "", "purchase_id", "refunds and disputes are handled for purchases only")
	if n.purchaseID != "" {
		chk.UUID("purchase_id", n.purchaseID)
	}
	chk.Check(n.purchaseID != "" || n.txnID != "", "provider_txn_id", "is required without purchase_id")
	chk.Check(len(n.txnID) <= maxEventIDLength, "provider_txn_id", "is longer than 255 characters")
	chk.PositiveCents("amount_cents", n.amountCents)
	chk.Currency("currency", n.currency)
	return chk.Err()
}

// normalise lower-cases the ids and upper-cases the currency.
func (n notice) normalise() notice {
	n.purchaseID, n.topupID = strings.ToLower(n.purchaseID), strings.ToLower(n.topupID)
	n.withdrawalID = strings.ToLower(n.withdrawalID)
	n.currency = strings.ToUpper(n.currency)
	return n
}
