package domain

import (
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Prize kinds.
const (
	KindPhysical = "PHYSICAL"
	KindCash     = "CASH"
)

// Limits on prize texts.
const (
	MaxTitleLength       = 200
	MaxDescriptionLength = 5000
	MaxSponsorLength     = 200
)

// Prize is a sponsor's prize. Stock counts the units no pool has reserved yet.
type Prize struct {
	ID             uuid.UUID
	Title          string
	Description    string
	ValueCents     int64
	Currency       string
	Stock          int
	Kind           string
	SponsorName    string
	SponsorURL     string
	SponsorLogoURL string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// NewPrize returns p with its id and defaults set, or the fields that are invalid.
func NewPrize(id uuid.UUID, p Prize, now time.Time) (Prize, error) {
	p.ID, p.CreatedAt, p.UpdatedAt = id, now, now
	if p.Kind == "" {
		p.Kind = KindPhysical
	}
	return p, p.Validate()
}

// Validate reports the invalid fields of p.
func (p Prize) Validate() error {
	f := Fields{}
	n := utf8.RuneCountInString(p.Title)
	f.Check(n > 0 && n <= MaxTitleLength, "title", "is required, at most 200 characters")
	f.Check(utf8.RuneCountInString(p.Description) <= MaxDescriptionLength, "description", "must be at most 5000 characters")
	f.Check(p.ValueCents >= 0 && p.ValueCents <= MaxCents, "value_cents", "must be 0 to 100000000000 cents")
	f.Check(ValidCurrency(p.Currency), "currency", "must be an ISO 4217 code (three uppercase letters)")
	f.Check(p.Stock >= 0, "stock", "must not be negative")
	f.Check(p.Kind == KindPhysical || p.Kind == KindCash, "kind", "must be PHYSICAL or CASH")
	f.Check(utf8.RuneCountInString(p.SponsorName) <= MaxSponsorLength, "sponsor_name", "must be at most 200 characters")
	f.Check(validURL(p.SponsorURL), "sponsor_url", "must be an http(s) URL")
	f.Check(validURL(p.SponsorLogoURL), "sponsor_logo_url", "must be an http(s) URL")
	return f.Err()
}

// PrizePatch holds the fields of a prize to change; nil fields stay.
type PrizePatch struct {
	Title, Description, Currency, Kind      *string
	SponsorName, SponsorURL, SponsorLogoURL *string
	ValueCents                              *int64
	Stock                                   *int
}

// Apply changes p and validates the result.
func (c PrizePatch) Apply(p *Prize, now time.Time) error {
	set(&p.Title, c.Title)
	set(&p.Description, c.Description)
	set(&p.Currency, c.Currency)
	set(&p.Kind, c.Kind)
	set(&p.SponsorName, c.SponsorName)
	set(&p.SponsorURL, c.SponsorURL)
	set(&p.SponsorLogoURL, c.SponsorLogoURL)
	set(&p.ValueCents, c.ValueCents)
	set(&p.Stock, c.Stock)
	p.UpdatedAt = now
	return p.Validate()
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
