package events

import "strings"

// Type is an event's CloudEvents type. It doubles as its subject: pool-scoped events
// (those produced by ticketing and draw) append the pool id as one more token.
type Type string

// Event types, one per row of the contract (docs/architecture.md, "Events").
const (
	TypePurchaseCreated     Type = "tickup.api.purchase.created"
	TypePurchaseConfirmed   Type = "tickup.api.purchase.confirmed"
	TypePurchaseFailed      Type = "tickup.api.purchase.failed"
	TypePurchaseRefunded    Type = "tickup.api.purchase.refunded"
	TypePurchaseDisputed    Type = "tickup.api.purchase.disputed"
	TypeTopupProcessing     Type = "tickup.api.payment.topup_processing"
	TypeTopupSucceeded      Type = "tickup.api.payment.topup_succeeded"
	TypeTopupFailed         Type = "tickup.api.payment.topup_failed"
	TypeWithdrawalSucceeded Type = "tickup.api.payment.withdrawal_succeeded"
	TypeWithdrawalFailed    Type = "tickup.api.payment.withdrawal_failed"
	TypeHoldPlaced          Type = "tickup.wallet.hold.placed"
	TypeHoldRejected        Type = "tickup.wallet.hold.rejected"
	TypeEntryPosted         Type = "tickup.wallet.entry.posted"
	TypePoolOpened          Type = "tickup.ticketing.pool.opened"
	TypePoolFull            Type = "tickup.ticketing.pool.full"
	TypePoolStarted         Type = "tickup.ticketing.pool.started"
	TypePoolDrawn           Type = "tickup.ticketing.pool.drawn"
	TypePoolCancelled       Type = "tickup.ticketing.pool.cancelled"
	TypeTicketIssued        Type = "tickup.ticketing.ticket.issued"
	TypeTicketBoosted       Type = "tickup.ticketing.ticket.boosted"
	TypeTicketRejected      Type = "tickup.ticketing.ticket.rejected"
	TypeTicketVoided        Type = "tickup.ticketing.ticket.voided"
	TypeTicketKept          Type = "tickup.ticketing.ticket.kept"
	TypeDrawCompleted       Type = "tickup.draw.draw.completed"
)

// Producers: the second subject token, one stream each.
const (
	ProducerAPI       = "api"
	ProducerWallet    = "wallet"
	ProducerTicketing = "ticketing"
	ProducerDraw      = "draw"
)

// Types lists every event type of the contract.
func Types() []Type {
	return []Type{
		TypePurchaseCreated, TypePurchaseConfirmed, TypePurchaseFailed, TypePurchaseRefunded,
		TypePurchaseDisputed,
		TypeTopupProcessing, TypeTopupSucceeded, TypeTopupFailed,
		TypeWithdrawalSucceeded, TypeWithdrawalFailed,
		TypeHoldPlaced, TypeHoldRejected, TypeEntryPosted,
		TypePoolOpened, TypePoolFull, TypePoolStarted, TypePoolDrawn, TypePoolCancelled,
		TypeTicketIssued, TypeTicketBoosted, TypeTicketRejected, TypeTicketVoided,
		TypeTicketKept,
		TypeDrawCompleted,
	}
}

// String returns the type as text.
func (t Type) String() string { return string(t) }

// Producer is the service that publishes events of this type ("api", "wallet", ...).
func (t Type) Producer() string {
	parts := strings.SplitN(string(t), ".", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}

// Source is the CloudEvents source attribute for events of this type.
func (t Type) Source() string { return "/tickup/" + t.Producer() }

// Stream is the name of the JetStream stream holding events of this type.
func (t Type) Stream() string { return strings.ToUpper(t.Producer()) }

// PoolScoped reports whether the subject ends with the pool id, so that per-pool
// consumers (the SSE stream of one pool) can filter on it.
func (t Type) PoolScoped() bool {
	p := t.Producer()
	return p == ProducerTicketing || p == ProducerDraw
}

// Subject is the concrete subject of an event of this type. poolID is used only for
// pool-scoped types.
func (t Type) Subject(poolID string) string {
	if !t.PoolScoped() {
		return string(t)
	}
	return string(t) + "." + Token(poolID)
}

// Filter is the consumer filter subject matching every event of this type.
func (t Type) Filter() string {
	if !t.PoolScoped() {
		return string(t)
	}
	return string(t) + ".*"
}

// Filters returns the filter subjects of several types, for a consumer's FilterSubjects.
func Filters(types ...Type) []string {
	out := make([]string, 0, len(types))
	for _, t := range types {
		out = append(out, t.Filter())
	}
	return out
}
