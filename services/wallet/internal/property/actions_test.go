package property

import (
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// action is one kind of step and how often it is drawn.
type action struct {
	weight int
	run    func(*sequence) error
}

// actions are every way money moves in or out of a wallet, or is asked to.
var actions = []action{
	{6, (*sequence).createTopup},
	{8, (*sequence).advanceTopup},
	{6, (*sequence).adjust},
	{8, (*sequence).newPurchase},
	{30, (*sequence).advancePurchase},
	{5, (*sequence).cancelPool},
	{14, (*sequence).reverse},
	{5, (*sequence).requestWithdrawal},
	{10, (*sequence).advanceWithdrawal},
	{2, (*sequence).payPrize},
	{10, (*sequence).redeliver},
}

// step runs one action drawn by weight.
func (s *sequence) step() error {
	total := 0
	for _, a := range actions {
		total += a.weight
	}
	n := s.rng.IntN(total)
	for _, a := range actions {
		if n < a.weight {
			return a.run(s)
		}
		n -= a.weight
	}
	panic("unreachable: the weights cover every draw")
}

func (s *sequence) adjust() error {
	in := app.Adjustment{Actor: "admin-1", UserID: s.user(), Direction: domain.Credit, AmountCents: s.cents(), Reason: "property"}
	if s.rng.IntN(2) == 0 {
		in.Direction = domain.Debit
	}
	_, err := s.w.app.Commands.AdjustBalance.Handle(s.ctx, in)
	return s.command("adjust "+in.Direction+" "+cents(in.AmountCents)+" "+in.UserID[:8], err)
}

// reverse has an admin reverse any entry of the sequence's wallets, whatever it is; half the
// time one of a purchase (a capture or a refund), where paying twice would hide.
func (s *sequence) reverse() error {
	var ids []int64
	err := s.w.admin.Raw(`SELECT l.entry_id FROM wallet_ledger l JOIN wallet_account a USING (wallet_id)
		WHERE a.user_id IN ? AND (? OR l.ref_purchase_id IS NOT NULL) ORDER BY l.entry_id`, s.users, s.rng.IntN(2) == 0).
		Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return err
	}
	id := ids[s.rng.IntN(len(ids))]
	_, err = s.w.app.Commands.ReverseEntry.Handle(s.ctx, app.Reversal{Actor: "admin-1", EntryID: id, Reason: "property"})
	return s.command("reverse entry "+cents(id), err)
}

// redeliver delivers a past event again: under its own message id (the inbox skips it) or
// under a new one (a webhook the provider sent twice, an event re-published).
func (s *sequence) redeliver() error {
	if len(s.sent) == 0 {
		return nil
	}
	d := s.sent[s.rng.IntN(len(s.sent))]
	if s.rng.IntN(2) == 0 {
		d.id = s.newID()
	}
	return s.deliver(d)
}

func (s *sequence) payPrize() error {
	winner := events.Winner{Tier: 1, TicketID: s.newID(), UserID: s.user()}
	return s.send(events.DrawCompleted{SchemaVersion: events.SchemaVersion, DrawID: s.newID(), PoolID: s.newID(),
		PrizeType: domain.PrizeCash, PrizeValueCents: 100 * (1 + s.rng.Int64N(10)), Currency: "EUR",
		Winners: []events.Winner{winner}})
}
