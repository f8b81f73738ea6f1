package app

import (
	"context"
	"fmt"
	"time"
)

// NotificationStore holds the winner notifications.
type NotificationStore interface {
	// WithDue locks the oldest due PENDING notification that no other replica holds, runs
	// deliver, and records the attempt and its result in the same transaction. It reports
	// whether a notification was due.
	WithDue(ctx context.Context, now time.Time, deliver func(ctx context.Context, n Notification) Attempt) (bool, error)
}

// Sender POSTs a signed notification body; id is the stable webhook-id of the notification.
type Sender interface {
	Send(ctx context.Context, id string, payload []byte) (statusCode int, err error)
}

// Attempt is the result of one delivery attempt.
type Attempt struct {
	Number     int    // 1 for the first attempt
	StatusCode int    // 0 when no response came
	Error      string // empty on success
	Delivered  bool   // a 2xx answer
	RetryAt    time.Time
}

// NotifyWinners delivers due winner notifications, retrying with back-off until a 2xx.
type NotifyWinners struct {
	Store   NotificationStore
	Sender  Sender
	Backoff Backoff
	Now     func() time.Time
}

// Step delivers the oldest due notification, if any, and reports whether there was one.
func (h NotifyWinners) Step(ctx context.Context) (bool, error) {
	return h.Store.WithDue(ctx, h.Now(), func(ctx context.Context, n Notification) Attempt {
		a := Attempt{Number: n.Attempts + 1}
		a.StatusCode, a.Error = h.send(ctx, n)
		if a.Error == "" {
			a.Delivered = true
			return a
		}
		a.RetryAt = h.Now().Add(h.Backoff.After(a.Number))
		return a
	})
}

func (h NotifyWinners) send(ctx context.Context, n Notification) (int, string) {
	status, err := h.Sender.Send(ctx, n.ID.String(), n.Payload)
	switch {
	case err != nil:
		return status, err.Error()
	case status < 200 || status > 299:
		return status, fmt.Sprintf("webhook answered %d", status)
	}
	return status, ""
}
