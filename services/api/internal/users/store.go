package users

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/services/api/internal/auth"
)

// ErrNotFound and ErrExists are the store's expected failures.
var (
	ErrNotFound = errors.New("user not found")
	ErrExists   = errors.New("user already exists")
)

// columns are the columns of app_user as read.
const columns = "user_id::text AS user_id, email, role, created_at, last_seen_at"

// Store reads and writes app_user.
type Store struct {
	db *gorm.DB
}

// NewStore returns a store over db (search_path = the api schema).
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// Touch records a caller: inserted on first sight, else role, e-mail (when the token has
// one) and last_seen_at refreshed.
func (s *Store) Touch(ctx context.Context, id auth.Identity) error {
	err := s.db.WithContext(ctx).Exec(`INSERT INTO app_user (user_id, email, role, last_seen_at)
		VALUES (?, NULLIF(?, ''), ?, now())
		ON CONFLICT (user_id) DO UPDATE
		   SET email = COALESCE(excluded.email, app_user.email), role = excluded.role, last_seen_at = now()`,
		id.UserID, id.Email, string(id.Role)).Error
	if err != nil {
		return fmt.Errorf("touch user %s: %w", id.UserID, err)
	}
	return nil
}

// Get returns one user, or ErrNotFound.
func (s *Store) Get(ctx context.Context, userID string) (User, error) {
	var r row
	res := s.db.WithContext(ctx).Raw(`SELECT `+columns+` FROM app_user WHERE user_id = ?`, userID).Scan(&r)
	if res.Error != nil {
		return User{}, fmt.Errorf("get user %s: %w", userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return User{}, ErrNotFound
	}
	return r.toUser(), nil
}

// Create seeds a user with role user, or returns ErrExists.
func (s *Store) Create(ctx context.Context, userID, email string) (User, error) {
	var r row
	res := s.db.WithContext(ctx).Raw(`INSERT INTO app_user (user_id, email, role) VALUES (?, ?, 'user')
		ON CONFLICT (user_id) DO NOTHING RETURNING `+columns, userID, email).Scan(&r)
	if res.Error != nil {
		return User{}, fmt.Errorf("create user %s: %w", userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return User{}, ErrExists
	}
	return r.toUser(), nil
}

// List returns up to limit users after the keyset (nil: from the start), oldest first.
func (s *Store) List(ctx context.Context, after *keyset, limit int) ([]User, error) {
	q := s.db.WithContext(ctx).Table("app_user").Select(columns).Order("created_at, user_id").Limit(limit)
	if after != nil {
		q = q.Where("(created_at, user_id) > (?, ?)", after.CreatedAt, after.UserID)
	}
	var rows []row
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]User, len(rows))
	for i, r := range rows {
		out[i] = r.toUser()
	}
	return out, nil
}
