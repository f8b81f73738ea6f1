package ticketingrpc

import "time"

// Prize kinds.
const (
	KindPhysical = "PHYSICAL"
	KindCash     = "CASH" // paid out to the winners' wallets
)

// Prize is a sponsor's prize; stock counts the units not yet reserved by a pool.
type Prize struct {
	PrizeID        string    `json:"prize_id"`
	Title          string    `json:"title"`
	Description    string    `json:"description"`
	ValueCents     int64     `json:"value_cents"`
	Currency       string    `json:"currency"`
	Stock          int       `json:"stock"`
	Kind           string    `json:"kind"`
	SponsorName    string    `json:"sponsor_name"`
	SponsorURL     string    `json:"sponsor_url"`
	SponsorLogoURL string    `json:"sponsor_logo_url"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// CreatePrizeRequest creates a prize; kind defaults to PHYSICAL.
type CreatePrizeRequest struct {
	Title          string `json:"title"`
	Description    string `json:"description,omitempty"`
	ValueCents     int64  `json:"value_cents"`
	Currency       string `json:"currency"`
	Stock          int    `json:"stock"`
	Kind           string `json:"kind,omitempty"`
	SponsorName    string `json:"sponsor_name,omitempty"`
	SponsorURL     string `json:"sponsor_url,omitempty"`
	SponsorLogoURL string `json:"sponsor_logo_url,omitempty"`
}

// UpdatePrizeRequest changes the fields that are set (PATCH semantics; a PUT sends all).
type UpdatePrizeRequest struct {
	PrizeID        string  `json:"prize_id"`
	Title          *string `json:"title,omitempty"`
	Description    *string `json:"description,omitempty"`
	ValueCents     *int64  `json:"value_cents,omitempty"`
	Currency       *string `json:"currency,omitempty"`
	Stock          *int    `json:"stock,omitempty"`
	Kind           *string `json:"kind,omitempty"`
	SponsorName    *string `json:"sponsor_name,omitempty"`
	SponsorURL     *string `json:"sponsor_url,omitempty"`
	SponsorLogoURL *string `json:"sponsor_logo_url,omitempty"`
}

// PrizeRequest names one prize (get, delete).
type PrizeRequest struct {
	PrizeID string `json:"prize_id"`
}

// ListPrizesRequest pages through the prizes, oldest first.
type ListPrizesRequest struct {
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// PrizePage is one page of prizes; NextCursor is empty on the last page.
type PrizePage struct {
	Items      []Prize `json:"items"`
	NextCursor string  `json:"next_cursor,omitempty"`
}

// Deleted answers a delete.
type Deleted struct {
	Deleted bool `json:"deleted"`
}
