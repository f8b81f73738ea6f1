package purchase

import "tickup.dev/pkg/contract/events"

// settle applies a card payment's verdict (to: CONFIRMED or FAILED): it binds the provider
// transaction to a purchase that has none bound yet and moves it out of PENDING. The
// client's provider_txn_id hint plays no part. A verdict the purchase already carries is
// Unchanged; one contradicting a settled purchase changes nothing and is named for the
// contradiction.
func settle(p Purchase, pay Payment, to, reason string) (Decision, error) {
	if pay.Provider != "" {
		if err := checkPayment(p, pay); err != nil {
			return keep(p, Unchanged), err
		}
	} else if p.Method == MethodWallet {
		return keep(p, Unchanged), ErrWalletPaid
	}
	if pay.TxnID != "" && p.SettledTxnID != "" && pay.TxnID != p.SettledTxnID {
		return keep(p, Unchanged), ErrTxnMismatch
	}
	switch {
	case p.Status == to:
		return keep(p, Unchanged), nil
	case p.Status != StatusPending:
		return keep(p, contradiction(to, p.Status)), nil
	}
	bindTxn(&p, pay.TxnID)
	if to == StatusConfirmed {
		return move(p, to, reason, Confirmed, Announce{}), nil
	}
	return move(p, to, reason, Failed, Announce{}), nil
}

// contradiction names a verdict (to) that a settled purchase's status does not allow.
func contradiction(to, status string) Outcome {
	switch {
	case to == StatusFailed:
		return FailureAfterSuccess
	case status == StatusFailed:
		return SuccessAfterFailure
	}
	return SuccessAfterReversal
}

// checkPayment checks that a provider's report is about p as it was bought: paid through
// this provider, for its amount and currency.
func checkPayment(p Purchase, pay Payment) error {
	if p.Method != MethodProvider || p.Provider != pay.Provider {
		return ErrProviderMismatch
	}
	if p.AmountCents != pay.AmountCents || p.Currency != pay.Currency {
		return ErrAmountMismatch
	}
	return nil
}

// bindTxn binds the provider transaction a verified source names, unless one is bound.
func bindTxn(p *Purchase, txnID string) {
	if txnID != "" && p.SettledTxnID == "" {
		p.SettledTxnID = txnID
	}
}

// reversed checks that a refund or dispute is about p's card payment (this provider, this
// transaction when both are known, this currency, never more than was paid), then applies
// its rule.
func reversed(p Purchase, r Reversal, rule func(Purchase, Reversal) Decision) (Decision, error) {
	switch {
	case p.Method != MethodProvider || p.Provider != r.Provider:
		return keep(p, Unchanged), ErrProviderMismatch
	case r.TxnID != "" && p.SettledTxnID != "" && r.TxnID != p.SettledTxnID:
		return keep(p, Unchanged), ErrTxnMismatch
	case p.Currency != r.Currency:
		return keep(p, Unchanged), ErrAmountMismatch
	case r.AmountCents > p.AmountCents:
		return keep(p, Unchanged), ErrExceedsPayment
	}
	return rule(p, r), nil
}

// refund: a CONFIRMED purchase becomes REFUNDED and ticketing voids its ticket if the pool
// is OPEN; a DISPUTED one ends REFUNDED; a PENDING one FAILS (no ticket ever). A purchase
// the provider refunded before only has its refunded total raised; a refund of one Tickup
// already refunded (store credit) or never accepted is for an operator.
func refund(p Purchase, r Reversal) Decision {
	before := p.RefundedCents
	p.RefundedCents = max(p.RefundedCents, r.AmountCents)
	switch {
	case p.Status == StatusConfirmed:
		return reverse(p, StatusRefunded, events.ReversalRefund, CaseRefund, true)
	case p.Status == StatusDisputed:
		return reverse(p, StatusRefunded, events.ReversalRefund, CaseRefund, false)
	case p.Status == StatusPending:
		bindTxn(&p, r.TxnID)
		return move(p, StatusFailed, events.ReversalRefund, Failed, Announce{},
			RecordCase{Kind: CaseRefund, Resolution: CaseNoTicket})
	case before > 0:
		return keep(p, Unchanged)
	}
	return review(p, CaseRefund, "card refund of a "+p.Status+" purchase: Tickup did not keep this payment "+
		"(refunded as store credit, or never accepted); check that the buyer is not refunded twice")
}

// dispute: a CONFIRMED purchase becomes DISPUTED and ticketing voids its ticket if the
// pool is OPEN; a dispute of a purchase in any other status is for an operator.
func dispute(p Purchase, _ Reversal) Decision {
	switch p.Status {
	case StatusConfirmed:
		return reverse(p, StatusDisputed, events.ReversalDispute, CaseDispute, true)
	case StatusDisputed:
		return keep(p, Unchanged)
	}
	return review(p, CaseDispute, "dispute of a "+p.Status+" purchase")
}

// disputeWon: the money is ours again. A purchase whose ticket stood (the dispute came
// after the draw) is CONFIRMED again, with no event; one whose ticket was voided is for an
// operator.
func disputeWon(p Purchase, ticketStood bool) Decision {
	switch {
	case p.Status != StatusDisputed:
		return unlessSettled(p, CaseDisputeWon, StatusConfirmed)
	case !ticketStood:
		return review(p, CaseDisputeWon, "dispute won but the purchase's ticket was voided or never "+
			"issued: the buyer paid and holds no ticket; refund or credit them")
	}
	return move(p, StatusConfirmed, "", Reinstated, RecordCase{Kind: CaseDisputeWon, Resolution: CaseReinstated})
}

// disputeLost: the money is gone for good; the purchase ends REFUNDED (its ticket's fate
// was decided when the dispute opened).
func disputeLost(p Purchase, r Reversal) Decision {
	if p.Status != StatusDisputed {
		return unlessSettled(p, CaseDisputeLost, StatusRefunded)
	}
	p.RefundedCents = max(p.RefundedCents, r.AmountCents)
	return reverse(p, StatusRefunded, events.ReversalDispute, CaseDisputeLost, false)
}

// unlessSettled answers a closed dispute that finds the purchase already where it would
// put it (a repeat) with Unchanged; anything else is for an operator.
func unlessSettled(p Purchase, kind, settled string) Decision {
	if p.Status == settled {
		return keep(p, Unchanged)
	}
	return review(p, kind, "closed dispute of a "+p.Status+" purchase")
}

// reverse moves p because the provider gave the card payment back and records its case:
// pending while ticketing decides the ticket's fate (voidTicket), closed otherwise.
func reverse(p Purchase, to, reversal, kind string, voidTicket bool) Decision {
	announce, resolution := Announce{}, CaseClosed
	if voidTicket {
		announce.ProviderReversal, resolution = reversal, CasePending
	}
	outcome := Refunded
	if to == StatusDisputed {
		outcome = Disputed
	}
	return move(p, to, reversal, outcome, announce, RecordCase{Kind: kind, Resolution: resolution})
}

// review records a case an operator must resolve; the purchase stays as it is.
func review(p Purchase, kind, detail string) Decision {
	d := keep(p, ForReview)
	d.Commands = []Command{RecordCase{Kind: kind, Resolution: CaseOperatorReview, Detail: detail}}
	return d
}
