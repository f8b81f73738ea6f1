// Package idempotency gives authenticated POSTs Stripe's Idempotency-Key semantics: the
// same key with the same request replays the first answer, with another request it is
// refused (422), and while the first is still running it is refused (409). Keys live 24
// hours; 5xx answers are not kept, so the client may retry.
package idempotency

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Outcome is what Begin found for a key.
type Outcome int

// The outcomes of Begin.
const (
	Claimed  Outcome = iota // the caller owns the key now: run the request, then Complete or Release
	Replay                  // a stored answer to the same request
	Mismatch                // the key was used for another request
	InFlight                // the same request is running elsewhere
)

// Stored is a kept answer.
type Stored struct {
	Status  int
	Headers map[string]string
	Body    []byte
}

// Store keeps keys in the idempotency_key table.
type Store struct {
	db     *gorm.DB
	policy Policy
}

// NewStore returns a store over db (search_path = the api schema).
func NewStore(db *gorm.DB, policy Policy) *Store {
	return &Store{db: db, policy: policy.withDefaults()}
}

// claimSQL inserts the key as in flight, or takes it over when it has expired, or when an
// identical request holding it has been in flight longer than the lease (its gateway died).
const claimSQL = `
INSERT INTO idempotency_key (user_id, key, request_hash, status, created_at)
VALUES (?, ?, ?, 'in_flight', now())
ON CONFLICT (user_id, key) DO UPDATE
   SET request_hash = excluded.request_hash, status = 'in_flight', created_at = now(),
       response_status = NULL, response_body = NULL, response_headers = '{}', completed_at = NULL
 WHERE idempotency_key.created_at < now() - make_interval(secs => ?)
    OR (idempotency_key.status = 'in_flight' AND idempotency_key.request_hash = excluded.request_hash
        AND idempotency_key.created_at < now() - make_interval(secs => ?))`

// record is a stored key as read back.
type record struct {
	RequestHash     []byte
	Status          string
	ResponseStatus  *int
	ResponseBody    []byte
	ResponseHeaders string
}

// Begin claims key for userID's request with hash, or reports why it cannot.
func (s *Store) Begin(ctx context.Context, userID, key string, hash []byte) (Outcome, Stored, error) {
	for range 3 { // a key released between our insert and our read is claimable again
		res := s.db.WithContext(ctx).Exec(claimSQL, userID, key, hash, s.policy.TTL.Seconds(), s.policy.Lease.Seconds())
		if res.Error != nil {
			return 0, Stored{}, fmt.Errorf("claim idempotency key: %w", res.Error)
		}
		if res.RowsAffected == 1 {
			return Claimed, Stored{}, nil
		}
		var rec record
		read := s.db.WithContext(ctx).Raw(`SELECT request_hash, status, response_status, response_body, response_headers::text
			FROM idempotency_key WHERE user_id = ? AND key = ?`, userID, key).Scan(&rec)
		if read.Error != nil {
			return 0, Stored{}, fmt.Errorf("read idempotency key: %w", read.Error)
		}
		if read.RowsAffected == 1 {
			return rec.outcome(hash)
		}
	}
	return 0, Stored{}, errors.New("idempotency key keeps changing hands")
}

// outcome classifies an existing key.
func (r record) outcome(hash []byte) (Outcome, Stored, error) {
	switch {
	case string(r.RequestHash) != string(hash):
		return Mismatch, Stored{}, nil
	case r.Status != "completed" || r.ResponseStatus == nil:
		return InFlight, Stored{}, nil
	}
	st := Stored{Status: *r.ResponseStatus, Body: r.ResponseBody}
	if err := json.Unmarshal([]byte(r.ResponseHeaders), &st.Headers); err != nil {
		return 0, Stored{}, fmt.Errorf("decode stored headers: %w", err)
	}
	return Replay, st, nil
}

// Complete stores the answer of a claimed key.
func (s *Store) Complete(ctx context.Context, userID, key string, st Stored) error {
	headers, err := json.Marshal(st.Headers)
	if err != nil {
		return fmt.Errorf("encode headers: %w", err)
	}
	err = s.db.WithContext(ctx).Exec(`UPDATE idempotency_key
		SET status = 'completed', response_status = ?, response_body = ?, response_headers = ?::jsonb, completed_at = now()
		WHERE user_id = ? AND key = ? AND status = 'in_flight'`, st.Status, st.Body, string(headers), userID, key).Error
	if err != nil {
		return fmt.Errorf("complete idempotency key: %w", err)
	}
	return nil
}

// Release forgets a claimed key whose request failed, so that it can be retried.
func (s *Store) Release(ctx context.Context, userID, key string) error {
	err := s.db.WithContext(ctx).Exec(`DELETE FROM idempotency_key WHERE user_id = ? AND key = ? AND status = 'in_flight'`,
		userID, key).Error
	if err != nil {
		return fmt.Errorf("release idempotency key: %w", err)
	}
	return nil
}
