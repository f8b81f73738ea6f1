package ticketingrpc

import "time"

// Prize kinds.
const (
	KindPhysical = "PHYSICAL"
	KindCash     = "CASH" // paid out to the winners' wallets
)

// Prize is a sponsor's prize; stock counts the units not yet reserved by a pool.
type Prize struct {
	PrizeID        string    `json:"prize_id" format:"uuid"`
	Title          string    `json:"title"`
	Description    string    `json:"description"`
	ValueCents     int64     `json:"value_cents" minimum:"0" maximum:"100000000000"`
	Currency       string    `json:"currency" example:"EUR"`
	Stock          int       `json:"stock" minimum:"0" doc:"Units not yet reserved by a pool (each pool reserves winners_count)."`
	Kind           string    `json:"kind" enum:"PHYSICAL,CASH" doc:"CASH prizes are paid out to the winners' wallets."`
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
	ValueCents     int64  `json:"value_cents" minimum:"0" maximum:"100000000000"`
	Currency       string `json:"currency" example:"EUR"`
	Stock          int    `json:"stock" minimum:"0"`
	Kind           string `json:"kind,omitempty" enum:"PHYSICAL,CASH" doc:"Default PHYSICAL."`
	SponsorName    string `json:"sponsor_name,omitempty"`
	SponsorURL     string `json:"sponsor_url,omitempty" format:"uri"`
	SponsorLogoURL string `json:"sponsor_logo_url,omitempty" format:"uri"`
}

// UpdatePrizeRequest changes the fields that are set (PATCH semantics; a PUT sends all).
type UpdatePrizeRequest struct {
	PrizeID        string  `json:"prize_id" path:"id"`
	Title          *string `json:"title,omitempty"`
	Description    *string `json:"description,omitempty"`
	ValueCents     *int64  `json:"value_cents,omitempty" minimum:"0" maximum:"100000000000"`
	Currency       *string `json:"currency,omitempty"`
	Stock          *int    `json:"stock,omitempty" minimum:"0"`
	Kind           *string `json:"kind,omitempty" enum:"PHYSICAL,CASH"`
	SponsorName    *string `json:"sponsor_name,omitempty"`
	SponsorURL     *string `json:"sponsor_url,omitempty" format:"uri"`
	SponsorLogoURL *string `json:"sponsor_logo_url,omitempty" format:"uri"`
}

// PrizeRequest names one prize (get, delete).
type PrizeRequest struct {
	PrizeID string `json:"prize_id" path:"id"`
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
