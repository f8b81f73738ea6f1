package purchase

import "tickup.dev/pkg/contract/events"

// Decision is what Next decided: the purchase as it must be saved, the commands to carry
// out with it, and what the event did.
type Decision struct {
	Purchase Purchase
	Commands []Command
	Outcome  Outcome
}

// Next is the purchase saga: what purchase p becomes on event e and what must follow. An
// error is a refusal (the event contradicts how p was bought) and changes nothing.
func Next(p Purchase, e Event) (Decision, error) {
	switch e := e.(type) {
	case HoldPlaced:
		return holdPlaced(p), nil
	case HoldRejected:
		return fail(p, StatusPending, e.Reason, Failed), nil
	case HoldDeadlinePassed:
		if !p.HoldExpired {
			return keep(p, Stale), nil
		}
		return fail(p, StatusPending, events.PurchaseFailedHoldExpired, HoldExpired), nil
	case PaymentSucceeded:
		return settle(p, e.Payment, StatusConfirmed, "")
	case PaymentFailed:
		return settle(p, e.Payment, StatusFailed, e.Reason)
	case PaymentProcessing:
		return keep(p, Processing), checkPayment(p, e.Payment)
	case TicketIssued:
		return ticketIssued(p, e.TicketID), nil
	case TicketRejected:
		return ticketGone(p, e.Reason, "rejected", ResolveCases{Resolution: CaseNoTicket}), nil
	case TicketVoided:
		return ticketGone(p, e.Reason, "pool_cancelled", ResolveCases{Resolution: CaseTicketVoided, PoolState: "OPEN"}), nil
	case TicketKept:
		d := keep(p, CasesResolved)
		d.Commands = []Command{ResolveCases{Resolution: CaseOperatorReview, PoolState: e.PoolState,
			Detail: "nothing voided: " + e.Reason}}
		return d, nil
	case CardRefunded:
		return reversed(p, e.Reversal, refund)
	case CardDisputed:
		return reversed(p, e.Reversal, dispute)
	case DisputeWon:
		return reversed(p, e.Reversal, func(p Purchase, _ Reversal) Decision { return disputeWon(p, e.TicketStood) })
	case DisputeLost:
		return reversed(p, e.Reversal, disputeLost)
	}
	panic("purchase: unknown event " + e.eventName())
}

// holdPlaced: a PENDING wallet-paid purchase is CONFIRMED before its hold deadline and
// FAILED (hold-expired) at or past it, so that the late hold is released. A hold for a
// purchase no longer PENDING changes nothing: the wallet releases it on purchase.failed.
func holdPlaced(p Purchase) Decision {
	if p.Method != MethodWallet || p.Status != StatusPending {
		return keep(p, Stale)
	}
	if p.HoldExpired {
		return fail(p, StatusPending, events.PurchaseFailedHoldExpired, HoldExpired)
	}
	return move(p, StatusConfirmed, "", Confirmed, Announce{})
}

// ticketIssued records the purchase's ticket, once.
func ticketIssued(p Purchase, ticketID string) Decision {
	if p.IssuedTicketID != "" {
		return keep(p, Unchanged)
	}
	p.IssuedTicketID = ticketID
	return Decision{Purchase: p, Outcome: TicketRecorded}
}

// ticketGone: a CONFIRMED purchase whose ticket will never be issued, or was voided, ends
// REFUNDED (reason: ticketing's, else def). When the ticket went because the provider gave
// the card payment back, the payment cases waiting for ticketing's answer are resolved.
func ticketGone(p Purchase, reason, def string, resolve ResolveCases) Decision {
	var cmds []Command
	if events.ProviderReturnedMoney(reason) {
		cmds = append(cmds, resolve)
	}
	if reason == "" {
		reason = def
	}
	d := keep(p, Stale)
	if p.Status == StatusConfirmed {
		d = move(p, StatusRefunded, reason, Refunded, Announce{})
	}
	d.Commands = append(cmds, d.Commands...)
	return d
}

// fail moves a purchase in status from to FAILED with reason and announces it.
func fail(p Purchase, from, reason string, outcome Outcome) Decision {
	if p.Status != from {
		return keep(p, Stale)
	}
	return move(p, StatusFailed, reason, outcome, Announce{})
}

// move sets p's status (and reason, when given) and lists the commands that follow.
func move(p Purchase, to, reason string, outcome Outcome, cmds ...Command) Decision {
	p.Status = to
	if reason != "" {
		p.FailureReason = reason
	}
	return Decision{Purchase: p, Commands: cmds, Outcome: outcome}
}

// keep leaves p as it is.
func keep(p Purchase, outcome Outcome) Decision { return Decision{Purchase: p, Outcome: outcome} }
