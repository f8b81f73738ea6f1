package app

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/draw/internal/domain"
)

// DrawnTicket is a ticket of the frozen list as the draw stored it.
type DrawnTicket struct {
	Num         int64
	TicketID    string
	UserID      string
	Participant string
	Weight      int64
}

// DrawnWinner is the ticket that won a tier.
type DrawnWinner struct {
	Tier        int
	Num         int64
	TicketID    string
	UserID      string
	Participant string
}

// DrawRecord is a computed draw, ready to be stored with its event in one transaction.
type DrawRecord struct {
	DrawID          uuid.UUID
	PoolID          uuid.UUID
	Prize           PrizeInfo
	Tickets         []DrawnTicket
	Winners         []DrawnWinner
	Input           domain.Input
	Commitment      []byte // SHA-256 of the seed: what the pool was committed to at creation
	Result          domain.Result
	BeaconSignature []byte
	Proof           []byte // the published proof document
	ProofHash       string // hex SHA-256 of Proof
	DrawnAt         time.Time
	Notification    *Notification // the winner notification to send, when notifications are on
}

// drawInput is everything a draw is computed from.
type drawInput struct {
	poolID    uuid.UUID
	pool      PoolInfo
	prize     PrizeInfo
	frozen    []FrozenTicket
	seed      []byte
	terms     domain.Terms
	beacon    *domain.Beacon
	signature []byte
}

// buildDraw runs tickup-draw-v1 on the frozen list and builds the record and its proof.
// It is deterministic in its input: a resumed draw gives the same winners and proof.
func buildDraw(in drawInput, drawID uuid.UUID, now time.Time) (*DrawRecord, error) {
	rec := &DrawRecord{DrawID: drawID, PoolID: in.poolID, Prize: in.prize, BeaconSignature: in.signature, DrawnAt: now}
	terms := in.terms
	rec.Input = domain.Input{PoolID: in.poolID.String(), Seed: in.seed, WinnersCount: terms.WinnersCount, Beacon: in.beacon, Terms: &terms}
	for _, t := range in.frozen {
		p := domain.Participant(rec.Input.PoolID, t.UserID)
		rec.Tickets = append(rec.Tickets, DrawnTicket{Num: t.Num, TicketID: t.TicketID, UserID: t.UserID, Participant: p, Weight: t.Weight})
		rec.Input.Tickets = append(rec.Input.Tickets, domain.Ticket{Num: t.Num, Participant: p, Weight: t.Weight})
	}
	res, err := domain.Draw(rec.Input)
	if err != nil {
		return nil, fmt.Errorf("draw pool %s: %w", in.poolID, err)
	}
	rec.Result = res
	commitment := domain.Commitment(in.seed)
	rec.Commitment = commitment[:]
	for _, w := range res.Winners {
		t, ok := ticketNumbered(rec.Tickets, w.TicketNum)
		if !ok {
			return nil, fmt.Errorf("draw pool %s: winning ticket %d is not in the list", in.poolID, w.TicketNum)
		}
		rec.Winners = append(rec.Winners, DrawnWinner{Tier: w.Tier, Num: t.Num, TicketID: t.TicketID, UserID: t.UserID, Participant: t.Participant})
	}
	if rec.Proof, err = json.Marshal(domain.NewProof(rec.Input, res)); err != nil {
		return nil, fmt.Errorf("draw pool %s: encode proof: %w", in.poolID, err)
	}
	sum := sha256.Sum256(rec.Proof)
	rec.ProofHash = hex.EncodeToString(sum[:])
	return rec, nil
}

// ticketNumbered finds ticket num in a list ordered by strictly increasing number
// (validated by Draw); voided tickets leave gaps, so the index is not num − 1.
func ticketNumbered(tickets []DrawnTicket, num int64) (DrawnTicket, bool) {
	i, ok := slices.BinarySearchFunc(tickets, num, func(t DrawnTicket, num int64) int { return cmp.Compare(t.Num, num) })
	if !ok {
		return DrawnTicket{}, false
	}
	return tickets[i], true
}

// Event is the draw.completed event of the draw: small, with the prize fields the wallet
// needs to pay CASH prizes.
func (r *DrawRecord) Event() events.DrawCompleted {
	e := events.DrawCompleted{
		SchemaVersion: events.SchemaVersion, DrawID: r.DrawID.String(), PoolID: r.PoolID.String(),
		PrizeID: r.Prize.PrizeID, PrizeType: r.Prize.Kind, PrizeValueCents: r.Prize.ValueCents,
		Currency: r.Prize.Currency, Algorithm: domain.Algorithm, ProofHash: r.ProofHash,
	}
	for _, w := range r.Winners {
		e.Winners = append(e.Winners, events.Winner{Tier: w.Tier, TicketID: w.TicketID, TicketNum: int(w.Num),
			UserID: w.UserID, Participant: w.Participant})
	}
	return e
}
