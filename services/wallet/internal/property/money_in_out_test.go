package property

import (
	"fmt"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

func cents(n int64) string { return fmt.Sprint(n) }

func (s *sequence) createTopup() error {
	in := app.NewTopup{UserID: s.user(), AmountCents: s.cents(), Provider: "generic"}
	t, err := s.w.app.Commands.CreateTopup.Handle(s.ctx, in)
	if err == nil {
		s.topups = append(s.topups, t)
	}
	return s.command("create top-up "+cents(in.AmountCents), err)
}

// advanceTopup has the provider (or the user) act on a top-up, whatever its state: the
// wallet must ignore what cannot apply. One success in five names a foreign transaction.
func (s *sequence) advanceTopup() error {
	if len(s.topups) == 0 {
		return s.createTopup()
	}
	t := s.topups[s.rng.IntN(len(s.topups))]
	ev := events.Topup{SchemaVersion: events.SchemaVersion, TopupID: t.TopupID, UserID: t.UserID, Provider: t.Provider,
		ProviderTxnID: "pi_" + t.TopupID, AmountCents: t.AmountCents, Currency: t.Currency, Reason: "declined"}
	switch s.rng.IntN(5) {
	case 0:
		return s.send(events.TopupProcessing(ev))
	case 1:
		ev.ProviderTxnID = "pi_" + s.newID()
		return s.send(events.TopupSucceeded(ev))
	case 2:
		return s.send(events.TopupFailed(ev))
	case 3:
		_, err := s.w.app.Commands.CancelTopup.Handle(s.ctx, t.UserID, t.TopupID)
		return s.command("cancel top-up "+t.TopupID[:8], err)
	}
	return s.send(events.TopupSucceeded(ev))
}

func (s *sequence) requestWithdrawal() error {
	in := app.NewWithdrawal{UserID: s.user(), AmountCents: s.cents(), Provider: "generic", Destination: "acct-1"}
	w, err := s.w.app.Commands.RequestWithdrawal.Handle(s.ctx, in)
	if err == nil {
		s.withdrawals = append(s.withdrawals, w.WithdrawalID)
	}
	return s.command("request withdrawal "+cents(in.AmountCents)+" "+in.UserID[:8], err)
}

// advanceWithdrawal has an admin, the user or the provider act on a withdrawal: usually what
// its state allows, one time in five anything (an out-of-order provider event, a late click).
func (s *sequence) advanceWithdrawal() error {
	if len(s.withdrawals) == 0 {
		return s.requestWithdrawal()
	}
	w, err := s.w.app.Queries.GetWithdrawal.Handle(s.ctx, "", s.withdrawals[s.rng.IntN(len(s.withdrawals))])
	if err != nil {
		return err
	}
	move := s.rng.IntN(5)
	switch {
	case s.rng.IntN(5) == 0:
	case w.Status == domain.WithdrawalRequested:
		move = s.rng.IntN(3)
	case w.Status == domain.WithdrawalProcessing:
		move = 3 + s.rng.IntN(2)
	}
	d := app.Decision{Actor: "admin-1", WithdrawalID: w.WithdrawalID, Reason: "property"}
	ev := events.Withdrawal{SchemaVersion: events.SchemaVersion, WithdrawalID: w.WithdrawalID, UserID: w.UserID,
		Provider: w.Provider, ProviderTxnID: "po_" + w.WithdrawalID, AmountCents: w.AmountCents, Currency: w.Currency,
		Reason: "account closed"}
	switch move {
	case 0:
		_, err = s.w.app.Commands.ApproveWithdrawal.Handle(s.ctx, d)
		return s.command("approve withdrawal "+w.WithdrawalID[:8], err)
	case 1:
		_, err = s.w.app.Commands.RejectWithdrawal.Handle(s.ctx, d)
		return s.command("reject withdrawal "+w.WithdrawalID[:8], err)
	case 2:
		_, err = s.w.app.Commands.CancelWithdrawal.Handle(s.ctx, w.UserID, w.WithdrawalID)
		return s.command("cancel withdrawal "+w.WithdrawalID[:8], err)
	case 3:
		return s.send(events.WithdrawalSucceeded(ev))
	}
	return s.send(events.WithdrawalFailed(ev))
}
