package catalog

import (
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
)

// Prize is a sponsor's prize as the API shows it.
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

// prizeCreate is the body of POST /prizes.
type prizeCreate struct {
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

// prizeUpdate is the body of PUT and PATCH /prizes/{id}: the fields sent change.
type prizeUpdate struct {
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

// toPrize converts ticketing's prize for the API.
func toPrize(p ticketingrpc.Prize) Prize {
	out := Prize(p)
	out.CreatedAt, out.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return out
}

// toRPC converts the request for ticketing.
func (r prizeCreate) toRPC() ticketingrpc.CreatePrizeRequest {
	return ticketingrpc.CreatePrizeRequest(r)
}

// toRPC converts the request for ticketing.
func (r prizeUpdate) toRPC(id string) ticketingrpc.UpdatePrizeRequest {
	return ticketingrpc.UpdatePrizeRequest{PrizeID: id, Title: r.Title, Description: r.Description,
		ValueCents: r.ValueCents, Currency: r.Currency, Stock: r.Stock, Kind: r.Kind, SponsorName: r.SponsorName,
		SponsorURL: r.SponsorURL, SponsorLogoURL: r.SponsorLogoURL}
}
