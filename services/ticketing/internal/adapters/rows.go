// Package adapters holds the ticketing service's PostgreSQL repositories (GORM, and raw SQL
// where GORM would hide a race) and its client of the draw service.
package adapters

import (
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

type prizeRow struct {
	PrizeID        uuid.UUID `gorm:"primaryKey"`
	Title          string
	Description    string
	ValueCents     int64
	Currency       string
	Stock          int
	Kind           string
	SponsorName    string
	SponsorURL     string `gorm:"column:sponsor_url"`
	SponsorLogoURL string `gorm:"column:sponsor_logo_url"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeletedAt      *time.Time
}

func (prizeRow) TableName() string { return "prize" }

func toPrizeRow(p domain.Prize) prizeRow {
	return prizeRow{PrizeID: p.ID, Title: p.Title, Description: p.Description, ValueCents: p.ValueCents,
		Currency: p.Currency, Stock: p.Stock, Kind: p.Kind, SponsorName: p.SponsorName,
		SponsorURL: p.SponsorURL, SponsorLogoURL: p.SponsorLogoURL, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func (r prizeRow) domain() domain.Prize {
	return domain.Prize{ID: r.PrizeID, Title: r.Title, Description: r.Description, ValueCents: r.ValueCents,
		Currency: r.Currency, Stock: r.Stock, Kind: r.Kind, SponsorName: r.SponsorName,
		SponsorURL: r.SponsorURL, SponsorLogoURL: r.SponsorLogoURL, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type poolRow struct {
	PoolID            uuid.UUID `gorm:"primaryKey"`
	PrizeID           uuid.UUID
	TicketPriceCents  int64
	Currency          string
	TicketsRequired   int
	TicketsSold       int
	State             string
	MaxTicketsPerUser *int
	BoostPriceCents   *int64
	MaxBoostsPerUser  int
	RetryPriceCents   *int64
	ClosesAt          *time.Time
	WinnersCount      int
	DrawCommitment    []byte
	DrawTerms         *string `gorm:"column:draw_terms"` // jsonb
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

func (poolRow) TableName() string { return "raffle_pool" }

func toPoolRow(p domain.Pool) poolRow {
	return poolRow{PoolID: p.ID, PrizeID: p.PrizeID, TicketPriceCents: p.TicketPriceCents, Currency: p.Currency,
		TicketsRequired: p.TicketsRequired, TicketsSold: p.TicketsSold, State: string(p.State),
		MaxTicketsPerUser: p.MaxTicketsPerUser, BoostPriceCents: p.BoostPriceCents, MaxBoostsPerUser: p.MaxBoostsPerUser,
		RetryPriceCents: p.RetryPriceCents, ClosesAt: p.ClosesAt, WinnersCount: p.WinnersCount,
		DrawCommitment: p.DrawCommitment, DrawTerms: encodeDrawTerms(p.DrawTerms), CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func (r poolRow) domain() domain.Pool {
	return domain.Pool{ID: r.PoolID, PrizeID: r.PrizeID, TicketPriceCents: r.TicketPriceCents, Currency: r.Currency,
		TicketsRequired: r.TicketsRequired, TicketsSold: r.TicketsSold, State: domain.State(r.State),
		MaxTicketsPerUser: r.MaxTicketsPerUser, BoostPriceCents: r.BoostPriceCents, MaxBoostsPerUser: r.MaxBoostsPerUser,
		RetryPriceCents: r.RetryPriceCents, ClosesAt: r.ClosesAt, WinnersCount: r.WinnersCount,
		DrawCommitment: r.DrawCommitment, DrawTerms: decodeDrawTerms(r.DrawTerms), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// ticketRow also keeps what the purchase paid, so a voided ticket can be refunded.
type ticketRow struct {
	TicketID        uuid.UUID `gorm:"primaryKey"`
	PoolID          uuid.UUID
	TicketNum       int
	UserID          uuid.UUID
	PurchaseID      uuid.UUID
	Weight          int
	Source          string
	RetryOfTicketID *uuid.UUID
	AmountCents     int64
	Currency        string
	PaymentMethod   string
	Outcome         *string
	VoidedAt        *time.Time
	CreatedAt       time.Time
}

func (ticketRow) TableName() string { return "ticket" }

func (r ticketRow) domain() domain.Ticket {
	t := domain.Ticket{ID: r.TicketID, PoolID: r.PoolID, UserID: r.UserID, PurchaseID: r.PurchaseID,
		Num: r.TicketNum, Weight: r.Weight, Source: r.Source, RetryOf: r.RetryOfTicketID,
		VoidedAt: r.VoidedAt, CreatedAt: r.CreatedAt, AmountCents: r.AmountCents, Currency: r.Currency,
		PaymentMethod: r.PaymentMethod}
	if r.Outcome != nil {
		t.Outcome = *r.Outcome
	}
	return t
}

func toTicketRow(t domain.Ticket) ticketRow {
	r := ticketRow{TicketID: t.ID, PoolID: t.PoolID, TicketNum: t.Num, UserID: t.UserID, PurchaseID: t.PurchaseID,
		Weight: t.Weight, Source: t.Source, RetryOfTicketID: t.RetryOf, AmountCents: t.AmountCents,
		Currency: t.Currency, PaymentMethod: t.PaymentMethod, VoidedAt: t.VoidedAt, CreatedAt: t.CreatedAt}
	if t.Outcome != "" {
		r.Outcome = &t.Outcome
	}
	return r
}

// boostRow records a BOOST purchase applied to a ticket, once per purchase.
type boostRow struct {
	PurchaseID    uuid.UUID `gorm:"primaryKey"`
	TicketID      uuid.UUID
	PoolID        uuid.UUID
	UserID        uuid.UUID
	AmountCents   int64
	Currency      string
	PaymentMethod string
	VoidedAt      *time.Time
	CreatedAt     time.Time
}

func (boostRow) TableName() string { return "ticket_boost" }

func toBoostRow(b domain.Boost) boostRow {
	return boostRow{PurchaseID: b.PurchaseID, TicketID: b.TicketID, PoolID: b.PoolID, UserID: b.UserID,
		AmountCents: b.AmountCents, Currency: b.Currency, PaymentMethod: b.PaymentMethod, VoidedAt: b.VoidedAt,
		CreatedAt: b.CreatedAt}
}

func (r boostRow) domain() domain.Boost {
	return domain.Boost{PurchaseID: r.PurchaseID, TicketID: r.TicketID, PoolID: r.PoolID, UserID: r.UserID,
		AmountCents: r.AmountCents, Currency: r.Currency, PaymentMethod: r.PaymentMethod, VoidedAt: r.VoidedAt,
		CreatedAt: r.CreatedAt}
}

// outcomeRow records what became of a purchase, once per purchase.
type outcomeRow struct {
	PurchaseID   uuid.UUID `gorm:"primaryKey"`
	PoolID       uuid.UUID
	UserID       uuid.UUID
	PurchaseType string
	Outcome      string
	TicketID     *uuid.UUID
	Reason       string
	CreatedAt    time.Time
}

func (outcomeRow) TableName() string { return "purchase_outcome" }
