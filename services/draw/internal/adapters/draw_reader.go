package adapters

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// DrawReader implements app.DrawReader and app.ProofReader.
type DrawReader struct {
	DB *gorm.DB
}

// ProofSlice implements app.ProofReader; only the asked range leaves the database.
func (r DrawReader) ProofSlice(ctx context.Context, poolID uuid.UUID, offset, limit int64) (app.ProofSlice, error) {
	var rows []struct {
		Size      int64
		ProofHash string
		Chunk     []byte
	}
	err := r.DB.WithContext(ctx).Raw(`SELECT length(proof) AS size, proof_hash, substring(proof FROM ? FOR ?) AS chunk
		FROM draw WHERE pool_id = ?`, offset+1, limit, poolID).Scan(&rows).Error
	if err != nil {
		return app.ProofSlice{}, fmt.Errorf("read proof of pool %s: %w", poolID, err)
	}
	if len(rows) == 0 {
		return app.ProofSlice{}, app.ErrDrawNotFound
	}
	return app.ProofSlice{Size: rows[0].Size, Hash: rows[0].ProofHash, Chunk: rows[0].Chunk}, nil
}

// drawRow is the part of a draw row that Stored reads.
type drawRow struct {
	DrawID           uuid.UUID
	Proof            []byte
	ProofHash        string
	Seed             []byte
	Terms            *string
	Commitment       []byte
	TicketsHash      []byte
	N                int64
	WinnersCount     int
	S                []byte
	WordsUsed        int64
	BeaconRound      *int64
	BeaconRandomness []byte
}

// Stored implements app.DrawReader: the draw with the seed kept in pool_seed, its tickets
// and its winners.
func (r DrawReader) Stored(ctx context.Context, poolID uuid.UUID) (app.StoredDraw, error) {
	db := r.DB.WithContext(ctx)
	var rows []drawRow
	err := db.Raw(`SELECT d.draw_id, d.proof, d.proof_hash, s.seed, s.terms::text AS terms, d.commitment, d.tickets_hash, d.n, d.winners_count,
			d.s, d.words_used, d.beacon_round, d.beacon_randomness
		FROM draw d JOIN pool_seed s ON s.pool_id = d.pool_id WHERE d.pool_id = ?`, poolID).Scan(&rows).Error
	if err != nil {
		return app.StoredDraw{}, fmt.Errorf("read draw of pool %s: %w", poolID, err)
	}
	if len(rows) == 0 {
		return app.StoredDraw{}, app.ErrDrawNotFound
	}
	d := rows[0]
	st := app.StoredDraw{PoolID: poolID, Proof: d.Proof, ProofHash: d.ProofHash, Seed: d.Seed, Commitment: d.Commitment,
		TicketsHash: d.TicketsHash, N: d.N, WinnersCount: d.WinnersCount, S: d.S, WordsUsed: uint64(d.WordsUsed)}
	if st.Terms, err = decodeTerms(d.Terms); err != nil {
		return app.StoredDraw{}, fmt.Errorf("draw of pool %s: %w", poolID, err)
	}
	if d.BeaconRound != nil {
		st.Beacon = &domain.Beacon{Round: uint64(*d.BeaconRound), Randomness: d.BeaconRandomness}
	}
	return st, r.details(db, d.DrawID, &st)
}

func (r DrawReader) details(db *gorm.DB, drawID uuid.UUID, st *app.StoredDraw) error {
	err := db.Raw(`SELECT ticket_num AS num, ticket_id, user_id, participant, weight FROM draw_ticket
		WHERE draw_id = ? ORDER BY ticket_num`, drawID).Scan(&st.Tickets).Error
	if err != nil {
		return fmt.Errorf("read tickets of draw %s: %w", drawID, err)
	}
	err = db.Raw(`SELECT tier, ticket_num AS num, ticket_id, user_id, participant FROM draw_winner
		WHERE draw_id = ? ORDER BY tier`, drawID).Scan(&st.Winners).Error
	if err != nil {
		return fmt.Errorf("read winners of draw %s: %w", drawID, err)
	}
	return nil
}
