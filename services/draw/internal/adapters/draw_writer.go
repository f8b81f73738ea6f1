package adapters

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/outbox"
	"tickup.dev/services/draw/internal/app"
)

// ticketBatch bounds the rows of one multi-row insert.
const ticketBatch = 1000

// storeDraw writes a draw, its tickets and winners, its draw.completed event and its
// notification, and marks the request drawn: all in tx, so a crash keeps all or nothing.
// A pool drawn before (UNIQUE pool_id) keeps its draw and gets no second event.
func storeDraw(ctx context.Context, tx *gorm.DB, r *app.DrawRecord) error {
	res := tx.Exec(`INSERT INTO draw (draw_id, pool_id, algorithm, commitment, tickets_hash, n, winners_count,
			beacon_round, beacon_randomness, beacon_signature, s, words_used, proof, proof_hash,
			prize_id, prize_title, prize_kind, prize_value_cents, currency, created_at)
		VALUES (?, ?, 'tickup-draw-v1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (pool_id) DO NOTHING`,
		r.DrawID, r.PoolID, r.Commitment, r.Result.TicketsHash[:], len(r.Tickets), r.Input.WinnersCount,
		beaconRound(r), beaconRandomness(r), r.BeaconSignature, r.Result.S[:], r.Result.WordsUsed, r.Proof, r.ProofHash,
		r.Prize.PrizeID, r.Prize.Title, r.Prize.Kind, r.Prize.ValueCents, r.Prize.Currency, r.DrawnAt)
	if res.Error != nil {
		return fmt.Errorf("store draw of pool %s: %w", r.PoolID, res.Error)
	}
	if res.RowsAffected == 1 {
		if err := storeDrawDetails(ctx, tx, r); err != nil {
			return err
		}
	}
	err := tx.Exec(`UPDATE draw_request SET drawn_at = ?, last_error = '' WHERE pool_id = ?`, r.DrawnAt, r.PoolID).Error
	if err != nil {
		return fmt.Errorf("mark pool %s drawn: %w", r.PoolID, err)
	}
	return nil
}

func storeDrawDetails(ctx context.Context, tx *gorm.DB, r *app.DrawRecord) error {
	if err := insertTickets(tx, r); err != nil {
		return err
	}
	if err := insertWinners(tx, r); err != nil {
		return err
	}
	if err := outbox.Add(ctx, tx, r.PoolID.String(), r.Event()); err != nil {
		return fmt.Errorf("draw.completed of pool %s: %w", r.PoolID, err)
	}
	return insertNotification(tx, r)
}

type ticketRow struct {
	DrawID      string
	TicketNum   int64
	TicketID    string
	UserID      string
	Participant string
	Weight      int64
}

func insertTickets(tx *gorm.DB, r *app.DrawRecord) error {
	rows := make([]ticketRow, 0, len(r.Tickets))
	for _, t := range r.Tickets {
		rows = append(rows, ticketRow{DrawID: r.DrawID.String(), TicketNum: t.Num, TicketID: t.TicketID,
			UserID: t.UserID, Participant: t.Participant, Weight: t.Weight})
	}
	if err := tx.Table("draw_ticket").CreateInBatches(rows, ticketBatch).Error; err != nil {
		return fmt.Errorf("store %d tickets of pool %s: %w", len(rows), r.PoolID, err)
	}
	return nil
}

func insertWinners(tx *gorm.DB, r *app.DrawRecord) error {
	for _, w := range r.Winners {
		err := tx.Exec(`INSERT INTO draw_winner (draw_id, tier, ticket_id, ticket_num, user_id, participant)
			VALUES (?, ?, ?, ?, ?, ?)`, r.DrawID, w.Tier, w.TicketID, w.Num, w.UserID, w.Participant).Error
		if err != nil {
			return fmt.Errorf("store winner tier %d of pool %s: %w", w.Tier, r.PoolID, err)
		}
	}
	return nil
}

func insertNotification(tx *gorm.DB, r *app.DrawRecord) error {
	n := r.Notification
	if n == nil {
		return nil
	}
	err := tx.Exec(`INSERT INTO notification (id, pool_id, draw_id, payload, next_attempt_at) VALUES (?, ?, ?, ?, ?)`,
		n.ID, r.PoolID, r.DrawID, n.Payload, r.DrawnAt).Error
	if err != nil {
		return fmt.Errorf("store notification of pool %s: %w", r.PoolID, err)
	}
	return nil
}

func beaconRound(r *app.DrawRecord) *int64 {
	if r.Input.Beacon == nil {
		return nil
	}
	round := int64(r.Input.Beacon.Round)
	return &round
}

func beaconRandomness(r *app.DrawRecord) []byte {
	if r.Input.Beacon == nil {
		return nil
	}
	return r.Input.Beacon.Randomness
}
