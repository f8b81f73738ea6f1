package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
)

// NotificationStore implements app.NotificationStore in notification and
// notification_attempt.
type NotificationStore struct {
	DB *gorm.DB
}

var errNoNotificationDue = errors.New("no notification due")

// WithDue implements app.NotificationStore. The notification stays locked (FOR UPDATE SKIP
// LOCKED) during the POST, so two replicas never send it at the same time.
func (s NotificationStore) WithDue(ctx context.Context, now time.Time, deliver func(context.Context, app.Notification) app.Attempt) (bool, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		n, err := claimNotification(tx, now)
		if err != nil {
			return err
		}
		return recordAttempt(tx, n, deliver(ctx, n))
	})
	if errors.Is(err, errNoNotificationDue) {
		return false, nil
	}
	if err != nil {
		return true, fmt.Errorf("deliver notification: %w", err)
	}
	return true, nil
}

func claimNotification(tx *gorm.DB, now time.Time) (app.Notification, error) {
	var rows []struct {
		ID       uuid.UUID
		PoolID   uuid.UUID
		Payload  []byte
		Attempts int
	}
	err := tx.Raw(`SELECT id, pool_id, payload, attempts FROM notification
		WHERE status = 'PENDING' AND next_attempt_at <= ?
		ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`, now).Scan(&rows).Error
	if err != nil {
		return app.Notification{}, fmt.Errorf("claim notification: %w", err)
	}
	if len(rows) == 0 {
		return app.Notification{}, errNoNotificationDue
	}
	r := rows[0]
	return app.Notification{ID: r.ID, PoolID: r.PoolID, Payload: r.Payload, Attempts: r.Attempts}, nil
}

func recordAttempt(tx *gorm.DB, n app.Notification, a app.Attempt) error {
	var status *int
	if a.StatusCode != 0 {
		status = &a.StatusCode
	}
	err := tx.Exec(`INSERT INTO notification_attempt (notification_id, attempt, status_code, error) VALUES (?, ?, ?, ?)`,
		n.ID, a.Number, status, a.Error).Error
	if err != nil {
		return fmt.Errorf("record attempt %d of notification %s: %w", a.Number, n.ID, err)
	}
	if a.Delivered {
		err = tx.Exec(`UPDATE notification SET status = 'DELIVERED', attempts = ?, delivered_at = now() WHERE id = ?`,
			a.Number, n.ID).Error
	} else {
		err = tx.Exec(`UPDATE notification SET attempts = ?, next_attempt_at = ? WHERE id = ?`, a.Number, a.RetryAt, n.ID).Error
	}
	if err != nil {
		return fmt.Errorf("update notification %s: %w", n.ID, err)
	}
	return nil
}
