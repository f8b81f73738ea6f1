package webhooks

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
)

// Outcomes recorded on receipts and answered in Ack, each named for what the event did
// (docs/webhooks.md lists them; Ack's enum is this list).
const (
	recordedConfirmed   = "confirmed"  // the purchase is CONFIRMED
	recordedFailed      = "failed"     // the purchase is FAILED
	recordedProcessing  = "processing" // the provider is still at work: nothing changed
	recordedForwarded   = "forwarded"  // a top-up or withdrawal verdict went to the wallet
	recordedUnchanged   = "unchanged"  // the purchase already was where the event puts it
	recordedRefunded    = "refunded"
	recordedDisputed    = "disputed"
	recordedReinstated  = "reinstated"         // a dispute won: the purchase is CONFIRMED again
	recordedForReview   = "operator-review"    // a payment case for an operator, nothing else changed
	recordedTypeIgnored = "event-type-ignored" // a type Tickup does not act on
	// A verdict contradicting a settled purchase changes nothing and is logged for an operator.
	recordedFailureAfterSuccess  = "failure-after-success-ignored"  // failed, but the purchase was paid
	recordedSuccessAfterFailure  = "success-after-failure-ignored"  // paid, but the purchase FAILED
	recordedSuccessAfterReversal = "success-after-reversal-ignored" // paid, but it is REFUNDED or DISPUTED
)

// outcomes is every outcome, in the order docs/webhooks.md lists them.
var outcomes = []string{recordedConfirmed, recordedFailed, recordedProcessing, recordedForwarded,
	recordedUnchanged, recordedRefunded, recordedDisputed, recordedReinstated, recordedForReview,
	recordedTypeIgnored, recordedFailureAfterSuccess, recordedSuccessAfterFailure, recordedSuccessAfterReversal}

// record applies n and writes its receipt in one transaction. An event id already
// received changes nothing and answers the first outcome; a refused event (an error)
// rolls everything back, receipt included, so that the provider's retry is judged again.
func (m *Module) record(ctx context.Context, n notice) (Ack, error) {
	ack := Ack{Received: true}
	err := m.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		fresh, prior, err := claim(ctx, tx, n)
		if err != nil || !fresh {
			ack.Duplicate, ack.Outcome = true, prior
			return err
		}
		if ack.Outcome, err = m.apply(ctx, tx, n); err != nil {
			return err
		}
		return tx.Exec(`UPDATE webhook_receipt SET outcome = ? WHERE provider = ? AND event_id = ?`,
			ack.Outcome, n.provider, n.eventID).Error
	})
	if err != nil {
		return Ack{}, fmt.Errorf("webhook %s %s: %w", n.provider, n.eventID, err)
	}
	return ack, nil
}

// claim inserts the event's receipt; false with the recorded outcome when it exists. A
// concurrent delivery of the same event waits here until the first one commits.
func claim(ctx context.Context, tx *gorm.DB, n notice) (bool, string, error) {
	var ids []string
	err := tx.WithContext(ctx).Raw(`INSERT INTO webhook_receipt (provider, event_id, event_type, outcome)
		VALUES (?, ?, ?, 'received') ON CONFLICT DO NOTHING RETURNING event_id`, n.provider, n.eventID, n.eventType).Scan(&ids).Error
	if err != nil || len(ids) == 1 {
		return len(ids) == 1, "", err
	}
	var prior string
	err = tx.WithContext(ctx).Raw(`SELECT outcome FROM webhook_receipt WHERE provider = ? AND event_id = ?`,
		n.provider, n.eventID).Scan(&prior).Error
	return false, prior, err
}

// apply does what the event says and returns its outcome.
func (m *Module) apply(ctx context.Context, tx *gorm.DB, n notice) (string, error) {
	switch {
	case n.outcome == "":
		m.log.InfoContext(ctx, "webhook event type ignored", "provider", n.provider, "event_id", n.eventID, "type", n.eventType)
		return recordedTypeIgnored, nil
	case reversal(n.outcome):
		return m.settleReversal(ctx, tx, n)
	case n.purchaseID != "":
		return m.settlePurchase(ctx, tx, n)
	case n.topupID != "":
		return forward(ctx, tx, n.topupID, topupEvent(n))
	}
	return forward(ctx, tx, n.withdrawalID, withdrawalEvent(n))
}

// forward hands a top-up or withdrawal outcome to the wallet, which checks the ids and
// applies each provider transaction once; nil ev (a withdrawal still processing, which the
// wallet already knows) forwards nothing.
func forward(ctx context.Context, tx *gorm.DB, aggregateID string, ev events.Event) (string, error) {
	if ev == nil {
		return recordedProcessing, nil
	}
	return recordedForwarded, outbox.Add(ctx, tx, aggregateID, ev)
}

// topupEvent is the api.payment.topup_* event of n.
func topupEvent(n notice) events.Event {
	t := events.Topup{SchemaVersion: events.SchemaVersion, TopupID: n.topupID, Provider: n.provider,
		ProviderTxnID: n.txnID, ProviderEventID: n.eventID, AmountCents: n.amountCents, Currency: n.currency, Reason: n.reason}
	switch n.outcome {
	case outcomeSucceeded:
		return events.TopupSucceeded(t)
	case outcomeFailed:
		return events.TopupFailed(t)
	}
	return events.TopupProcessing(t)
}

// withdrawalEvent is the api.payment.withdrawal_* event of n; a withdrawal being
// processed is already PROCESSING at the wallet, so that has none.
func withdrawalEvent(n notice) events.Event {
	w := events.Withdrawal{SchemaVersion: events.SchemaVersion, WithdrawalID: n.withdrawalID, Provider: n.provider,
		ProviderTxnID: n.txnID, ProviderEventID: n.eventID, AmountCents: n.amountCents, Currency: n.currency, Reason: n.reason}
	switch n.outcome {
	case outcomeSucceeded:
		return events.WithdrawalSucceeded(w)
	case outcomeFailed:
		return events.WithdrawalFailed(w)
	}
	return nil
}
