package app

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Notification is one winner notification to deliver to the configured webhook.
type Notification struct {
	ID       uuid.UUID
	PoolID   uuid.UUID
	Payload  []byte // the exact body, the same on every attempt
	Attempts int    // attempts made so far
}

// NotificationType is the type of the winner notification's body.
const NotificationType = "draw.completed"

// notificationBody is the JSON body of a winner notification (Standard Webhooks style:
// type, timestamp, data).
type notificationBody struct {
	Type      string           `json:"type"`
	Timestamp time.Time        `json:"timestamp"`
	Data      notificationData `json:"data"`
}

type notificationData struct {
	DrawID    string               `json:"draw_id"`
	PoolID    string               `json:"pool_id"`
	Prize     PrizeInfo            `json:"prize"`
	Winners   []notificationWinner `json:"winners"`
	ProofHash string               `json:"proof_hash"`
}

type notificationWinner struct {
	Tier        int    `json:"tier"`
	TicketID    string `json:"ticket_id"`
	TicketNum   int64  `json:"ticket_num"`
	UserID      string `json:"user_id"`
	Participant string `json:"participant"`
}

// newNotification builds the winner notification of a draw.
func newNotification(id uuid.UUID, r *DrawRecord) (*Notification, error) {
	body := notificationBody{Type: NotificationType, Timestamp: r.DrawnAt.UTC(), Data: notificationData{
		DrawID: r.DrawID.String(), PoolID: r.PoolID.String(), Prize: r.Prize, ProofHash: r.ProofHash,
		Winners: make([]notificationWinner, 0, len(r.Winners)),
	}}
	for _, w := range r.Winners {
		body.Data.Winners = append(body.Data.Winners, notificationWinner{Tier: w.Tier, TicketID: w.TicketID,
			TicketNum: w.Num, UserID: w.UserID, Participant: w.Participant})
	}
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encode notification of pool %s: %w", r.PoolID, err)
	}
	return &Notification{ID: id, PoolID: r.PoolID, Payload: payload}, nil
}
