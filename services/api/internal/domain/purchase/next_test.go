package purchase

import (
	"errors"
	"reflect"
	"testing"

	"tickup.dev/pkg/contract/events"
)

// Purchases as the saga finds them.
var (
	walletPending = Purchase{ID: "p", Status: StatusPending, Method: MethodWallet, AmountCents: 500, Currency: "EUR"}
	walletLate    = with(walletPending, func(p *Purchase) { p.HoldExpired = true })
	cardPending   = Purchase{ID: "p", Status: StatusPending, Method: MethodProvider, Provider: "stripe", AmountCents: 500, Currency: "EUR"}
	cardPaid      = with(cardPending, func(p *Purchase) { p.Status, p.SettledTxnID = StatusConfirmed, "txn_1" })
	cardDisputed  = with(cardPaid, func(p *Purchase) { p.Status, p.FailureReason = StatusDisputed, events.ReversalDispute })
)

// Reports about cardPending's payment.
var (
	paid     = Payment{Provider: "stripe", TxnID: "txn_1", AmountCents: 500, Currency: "EUR"}
	refunded = Reversal{Provider: "stripe", TxnID: "txn_1", AmountCents: 200, Currency: "EUR"}
	voidRefd = Announce{ProviderReversal: events.ReversalRefund}
	voidDisp = Announce{ProviderReversal: events.ReversalDispute}
)

// with returns a copy of p changed by fn.
func with(p Purchase, fn func(*Purchase)) Purchase {
	fn(&p)
	return p
}

// status returns p in another status.
func status(p Purchase, s string) Purchase { return with(p, func(p *Purchase) { p.Status = s }) }

// TestNext is the saga's table: every transition, every compensation, and the events
// that change nothing (repeats, late or contradicting events).
func TestNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		from     Purchase
		event    Event
		want     Purchase // the purchase to save
		commands []Command
		outcome  Outcome
		err      error
	}{
		// Wallet: the hold and its deadline.
		{"hold placed in time", walletPending, HoldPlaced{}, status(walletPending, StatusConfirmed), []Command{Announce{}}, Confirmed, nil},
		{"hold placed after the deadline", walletLate, HoldPlaced{},
			with(walletLate, func(p *Purchase) { p.Status, p.FailureReason = StatusFailed, "hold-expired" }), []Command{Announce{}}, HoldExpired, nil},
		{"hold placed after expiry", with(walletLate, func(p *Purchase) { p.Status = StatusFailed }), HoldPlaced{},
			with(walletLate, func(p *Purchase) { p.Status = StatusFailed }), nil, Stale, nil},
		{"hold placed twice", status(walletPending, StatusConfirmed), HoldPlaced{}, status(walletPending, StatusConfirmed), nil, Stale, nil},
		{"hold placed for a card purchase", cardPending, HoldPlaced{}, cardPending, nil, Stale, nil},
		{"hold rejected", walletPending, HoldRejected{Reason: "insufficient_funds"},
			with(walletPending, func(p *Purchase) { p.Status, p.FailureReason = StatusFailed, "insufficient_funds" }), []Command{Announce{}}, Failed, nil},
		{"hold rejected after confirmation", status(walletPending, StatusConfirmed), HoldRejected{Reason: "x"},
			status(walletPending, StatusConfirmed), nil, Stale, nil},
		{"deadline passed", walletLate, HoldDeadlinePassed{},
			with(walletLate, func(p *Purchase) { p.Status, p.FailureReason = StatusFailed, "hold-expired" }), []Command{Announce{}}, HoldExpired, nil},
		{"deadline not passed", walletPending, HoldDeadlinePassed{}, walletPending, nil, Stale, nil},
		{"deadline passed after confirmation", status(walletLate, StatusConfirmed), HoldDeadlinePassed{}, status(walletLate, StatusConfirmed), nil, Stale, nil},

		// Card: the provider's verdict (webhook), the service role's PUT.
		{"payment succeeded", cardPending, PaymentSucceeded{paid},
			with(cardPending, func(p *Purchase) { p.Status, p.SettledTxnID = StatusConfirmed, "txn_1" }), []Command{Announce{}}, Confirmed, nil},
		{"payment failed", cardPending, PaymentFailed{Payment: Payment{Provider: "stripe", AmountCents: 500, Currency: "EUR"}, Reason: "card_declined"},
			with(cardPending, func(p *Purchase) { p.Status, p.FailureReason = StatusFailed, "card_declined" }), []Command{Announce{}}, Failed, nil},
		{"payment processing", cardPending, PaymentProcessing{paid}, cardPending, nil, Processing, nil},
		{"payment succeeded twice", cardPaid, PaymentSucceeded{paid}, cardPaid, nil, Unchanged, nil},
		{"payment failed after success", cardPaid, PaymentFailed{Payment: paid}, cardPaid, nil, FailureAfterSuccess, nil},
		{"payment failed after a refund", status(cardPaid, StatusRefunded), PaymentFailed{Payment: paid}, status(cardPaid, StatusRefunded), nil, FailureAfterSuccess, nil},
		{"payment succeeded after failure", status(cardPending, StatusFailed), PaymentSucceeded{paid}, status(cardPending, StatusFailed), nil, SuccessAfterFailure, nil},
		{"payment succeeded after a dispute", cardDisputed, PaymentSucceeded{paid}, cardDisputed, nil, SuccessAfterReversal, nil},
		{"payment by another provider", cardPending, PaymentSucceeded{with2(paid, "generic", "")}, cardPending, nil, Unchanged, ErrProviderMismatch},
		{"payment of a wallet purchase", walletPending, PaymentSucceeded{paid}, walletPending, nil, Unchanged, ErrProviderMismatch},
		{"payment of another amount", cardPending, PaymentSucceeded{Payment{Provider: "stripe", TxnID: "t", AmountCents: 499, Currency: "EUR"}}, cardPending, nil, Unchanged, ErrAmountMismatch},
		{"payment by another transaction", cardPaid, PaymentSucceeded{with2(paid, "stripe", "txn_2")}, cardPaid, nil, Unchanged, ErrTxnMismatch},
		{"PUT confirms", cardPending, PaymentSucceeded{Payment{TxnID: "txn_9"}},
			with(cardPending, func(p *Purchase) { p.Status, p.SettledTxnID = StatusConfirmed, "txn_9" }), []Command{Announce{}}, Confirmed, nil},
		{"PUT on a wallet purchase", walletPending, PaymentSucceeded{}, walletPending, nil, Unchanged, ErrWalletPaid},

		// Ticketing's answers.
		{"ticket issued", cardPaid, TicketIssued{TicketID: "t1"}, with(cardPaid, func(p *Purchase) { p.IssuedTicketID = "t1" }), nil, TicketRecorded, nil},
		{"ticket issued twice", with(cardPaid, func(p *Purchase) { p.IssuedTicketID = "t1" }), TicketIssued{TicketID: "t2"},
			with(cardPaid, func(p *Purchase) { p.IssuedTicketID = "t1" }), nil, Unchanged, nil},
		{"ticket rejected", cardPaid, TicketRejected{Reason: "pool_full"},
			with(cardPaid, func(p *Purchase) { p.Status, p.FailureReason = StatusRefunded, "pool_full" }), []Command{Announce{}}, Refunded, nil},
		{"ticket rejected without reason", cardPaid, TicketRejected{},
			with(cardPaid, func(p *Purchase) { p.Status, p.FailureReason = StatusRefunded, "rejected" }), []Command{Announce{}}, Refunded, nil},
		{"ticket voided", cardPaid, TicketVoided{},
			with(cardPaid, func(p *Purchase) { p.Status, p.FailureReason = StatusRefunded, "pool_cancelled" }), []Command{Announce{}}, Refunded, nil},
		{"ticket voided twice", status(cardPaid, StatusRefunded), TicketVoided{Reason: "pool_cancelled"}, status(cardPaid, StatusRefunded), nil, Stale, nil},
		{"ticket voided for a card refund", status(cardPaid, StatusRefunded), TicketVoided{Reason: events.ReversalRefund}, status(cardPaid, StatusRefunded),
			[]Command{ResolveCases{Resolution: CaseTicketVoided, PoolState: "OPEN"}}, Stale, nil},
		{"ticket rejected for a dispute", cardDisputed, TicketRejected{Reason: events.ReversalDispute}, cardDisputed,
			[]Command{ResolveCases{Resolution: CaseNoTicket}}, Stale, nil},
		{"ticket kept", cardDisputed, TicketKept{Reason: "pool DRAWN", PoolState: "DRAWN"}, cardDisputed,
			[]Command{ResolveCases{Resolution: CaseOperatorReview, PoolState: "DRAWN", Detail: "nothing voided: pool DRAWN"}}, CasesResolved, nil},

		// Card refunds and disputes.
		{"refund of a paid purchase", cardPaid, CardRefunded{refunded},
			with(cardPaid, func(p *Purchase) {
				p.Status, p.FailureReason, p.RefundedCents = StatusRefunded, events.ReversalRefund, 200
			}),
			[]Command{voidRefd, RecordCase{Kind: CaseRefund, Resolution: CasePending}}, Refunded, nil},
		{"refund of a disputed purchase", cardDisputed, CardRefunded{refunded},
			with(cardDisputed, func(p *Purchase) {
				p.Status, p.FailureReason, p.RefundedCents = StatusRefunded, events.ReversalRefund, 200
			}),
			[]Command{Announce{}, RecordCase{Kind: CaseRefund, Resolution: CaseClosed}}, Refunded, nil},
		{"refund of a pending purchase", cardPending, CardRefunded{refunded},
			with(cardPending, func(p *Purchase) {
				p.Status, p.FailureReason, p.RefundedCents, p.SettledTxnID = StatusFailed, events.ReversalRefund, 200, "txn_1"
			}), []Command{Announce{}, RecordCase{Kind: CaseRefund, Resolution: CaseNoTicket}}, Failed, nil},
		{"refund raised", with(cardPaid, func(p *Purchase) { p.Status, p.RefundedCents = StatusRefunded, 100 }), CardRefunded{refunded},
			with(cardPaid, func(p *Purchase) { p.Status, p.RefundedCents = StatusRefunded, 200 }), nil, Unchanged, nil},
		{"refund of a store-credit refund", status(cardPaid, StatusRefunded), CardRefunded{refunded},
			with(cardPaid, func(p *Purchase) { p.Status, p.RefundedCents = StatusRefunded, 200 }),
			[]Command{RecordCase{Kind: CaseRefund, Resolution: CaseOperatorReview, Detail: "card refund of a REFUNDED purchase: Tickup did not " +
				"keep this payment (refunded as store credit, or never accepted); check that the buyer is not refunded twice"}}, ForReview, nil},
		{"refund above the payment", cardPaid, CardRefunded{Reversal{Provider: "stripe", AmountCents: 501, Currency: "EUR"}}, cardPaid, nil, Unchanged, ErrExceedsPayment},
		{"refund in another currency", cardPaid, CardRefunded{Reversal{Provider: "stripe", AmountCents: 1, Currency: "USD"}}, cardPaid, nil, Unchanged, ErrAmountMismatch},
		{"refund of another transaction", cardPaid, CardRefunded{Reversal{Provider: "stripe", TxnID: "txn_2", AmountCents: 1, Currency: "EUR"}}, cardPaid, nil, Unchanged, ErrTxnMismatch},
		{"refund by another provider", cardPaid, CardRefunded{Reversal{Provider: "generic", AmountCents: 1, Currency: "EUR"}}, cardPaid, nil, Unchanged, ErrProviderMismatch},
		{"dispute", cardPaid, CardDisputed{refunded}, with(cardPaid, func(p *Purchase) { p.Status, p.FailureReason = StatusDisputed, events.ReversalDispute }),
			[]Command{voidDisp, RecordCase{Kind: CaseDispute, Resolution: CasePending}}, Disputed, nil},
		{"dispute twice", cardDisputed, CardDisputed{refunded}, cardDisputed, nil, Unchanged, nil},
		{"dispute of a failed purchase", status(cardPaid, StatusFailed), CardDisputed{refunded}, status(cardPaid, StatusFailed),
			[]Command{RecordCase{Kind: CaseDispute, Resolution: CaseOperatorReview, Detail: "dispute of a FAILED purchase"}}, ForReview, nil},
		{"dispute won, ticket stood", cardDisputed, DisputeWon{Reversal: refunded, TicketStood: true}, status(cardDisputed, StatusConfirmed),
			[]Command{RecordCase{Kind: CaseDisputeWon, Resolution: CaseReinstated}}, Reinstated, nil},
		{"dispute won, ticket voided", cardDisputed, DisputeWon{Reversal: refunded}, cardDisputed,
			[]Command{RecordCase{Kind: CaseDisputeWon, Resolution: CaseOperatorReview, Detail: "dispute won but the purchase's ticket was voided " +
				"or never issued: the buyer paid and holds no ticket; refund or credit them"}}, ForReview, nil},
		{"dispute won twice", cardPaid, DisputeWon{Reversal: refunded, TicketStood: true}, cardPaid, nil, Unchanged, nil},
		{"dispute won of a refunded purchase", status(cardPaid, StatusRefunded), DisputeWon{Reversal: refunded}, status(cardPaid, StatusRefunded),
			[]Command{RecordCase{Kind: CaseDisputeWon, Resolution: CaseOperatorReview, Detail: "closed dispute of a REFUNDED purchase"}}, ForReview, nil},
		{"dispute lost", cardDisputed, DisputeLost{refunded},
			with(cardDisputed, func(p *Purchase) { p.Status, p.RefundedCents = StatusRefunded, 200 }),
			[]Command{Announce{}, RecordCase{Kind: CaseDisputeLost, Resolution: CaseClosed}}, Refunded, nil},
		{"dispute lost twice", status(cardDisputed, StatusRefunded), DisputeLost{refunded}, status(cardDisputed, StatusRefunded), nil, Unchanged, nil},
		{"dispute lost of a paid purchase", cardPaid, DisputeLost{refunded}, cardPaid,
			[]Command{RecordCase{Kind: CaseDisputeLost, Resolution: CaseOperatorReview, Detail: "closed dispute of a CONFIRMED purchase"}}, ForReview, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := Next(tc.from, tc.event)
			if !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if d.Purchase != tc.want {
				t.Errorf("purchase\n %+v, want\n %+v", d.Purchase, tc.want)
			}
			if !reflect.DeepEqual(d.Commands, tc.commands) {
				t.Errorf("commands %#v, want %#v", d.Commands, tc.commands)
			}
			if d.Outcome != tc.outcome {
				t.Errorf("outcome %q, want %q", d.Outcome, tc.outcome)
			}
			if d.Purchase.Status != tc.from.Status && !Legal(tc.from.Status, d.Purchase.Status) {
				t.Errorf("%s → %s is not a legal transition", tc.from.Status, d.Purchase.Status)
			}
		})
	}
}

// with2 returns a payment report of another provider or transaction.
func with2(p Payment, provider, txnID string) Payment {
	p.Provider = provider
	if txnID != "" {
		p.TxnID = txnID
	}
	return p
}

func TestLegalTransitions(t *testing.T) {
	t.Parallel()
	allowed := map[[2]string]bool{{StatusPending, StatusConfirmed}: true, {StatusPending, StatusFailed}: true,
		{StatusConfirmed, StatusRefunded}: true, {StatusConfirmed, StatusDisputed}: true,
		{StatusDisputed, StatusRefunded}: true, {StatusDisputed, StatusConfirmed}: true}
	statuses := []string{StatusPending, StatusConfirmed, StatusFailed, StatusRefunded, StatusDisputed}
	for _, from := range statuses {
		for _, to := range statuses {
			if want := allowed[[2]string{from, to}]; Legal(from, to) != want {
				t.Errorf("Legal(%s, %s) = %v, want %v", from, to, !want, want)
			}
		}
	}
}
