package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/api"
)

// The API's JSON answers as a client reads them: field names and types from the OpenAPI
// document the gateway serves (every answer is also validated against it), declared here so
// that the tests depend on the HTTP API only, never on the gateway's internal packages.

// Roles of the tokens the tests mint (api.MintToken).
const (
	roleUser    = api.TokenRoleUser
	roleAdmin   = api.TokenRoleAdmin
	roleService = api.TokenRoleService
)

// Purchase statuses and providers.
const (
	StatusPending   = "PENDING"
	StatusConfirmed = "CONFIRMED"
	StatusFailed    = "FAILED"
	StatusRefunded  = "REFUNDED"
	ProviderStripe  = "stripe"
	ProviderGeneric = "generic"
)

// Problem slugs: the type URI of a problem is problemTypeBase + slug.
const (
	problemTypeBase     = "https://tickup.dev/problems/"
	problemContentType  = "application/problem+json"
	headerRequestID     = "X-Request-Id"
	SlugValidation      = "validation-failed"
	SlugMalformedJSON   = "malformed-json"
	SlugUnknownField    = "unknown-field"
	SlugUnauthorized    = "unauthorized"
	SlugForbidden       = "forbidden"
	SlugNotFound        = "not-found"
	SlugConflict        = "conflict"
	SlugServiceUnavail  = "service-unavailable"
	SlugRateLimited     = "rate-limited"
	SlugAccountRequired = "account-required"
)

// Problem is an RFC 9457 problem answer.
type Problem struct {
	Type      string       `json:"type"`
	Title     string       `json:"title"`
	Status    int          `json:"status"`
	Detail    string       `json:"detail,omitempty"`
	Instance  string       `json:"instance,omitempty"`
	RequestID string       `json:"request_id,omitempty"`
	Errors    []FieldError `json:"errors,omitempty"`
}

// FieldError is one field a validation problem names.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Page is one page of a cursor-paged list.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// Prize is a prize of the catalogue.
type Prize struct {
	PrizeID    string `json:"prize_id"`
	Title      string `json:"title"`
	ValueCents int64  `json:"value_cents"`
	Currency   string `json:"currency"`
	Stock      int    `json:"stock"`
	Kind       string `json:"kind"`
}

// Pool is a raffle pool.
type Pool struct {
	PoolID            string                  `json:"pool_id"`
	PrizeID           string                  `json:"prize_id"`
	TicketPriceCents  int64                   `json:"ticket_price_cents"`
	Currency          string                  `json:"currency"`
	TicketsRequired   int                     `json:"tickets_required"`
	TicketsSold       int                     `json:"tickets_sold"`
	State             string                  `json:"state"`
	MaxTicketsPerUser *int                    `json:"max_tickets_per_user"`
	BoostPriceCents   *int64                  `json:"boost_price_cents"`
	MaxBoostsPerUser  int                     `json:"max_boosts_per_user"`
	RetryPriceCents   *int64                  `json:"retry_price_cents"`
	ClosesAt          *time.Time              `json:"closes_at"`
	WinnersCount      int                     `json:"winners_count"`
	DrawCommitment    string                  `json:"draw_commitment"`
	DrawTerms         *ticketingrpc.DrawTerms `json:"draw_terms"`
	CreatedAt         time.Time               `json:"created_at"`
	UpdatedAt         time.Time               `json:"updated_at"`
}

// TicketsCount is a pool's count of tickets sold.
type TicketsCount struct {
	PoolID          string `json:"pool_id"`
	Count           int    `json:"count"`
	TicketsRequired int    `json:"tickets_required"`
	State           string `json:"state"`
}

// Ticket is a ticket as its holder sees it.
type Ticket struct {
	TicketID        string     `json:"ticket_id"`
	PoolID          string     `json:"pool_id"`
	UserID          string     `json:"user_id"`
	PurchaseID      string     `json:"purchase_id"`
	TicketNum       int        `json:"ticket_num"`
	Weight          int        `json:"weight"`
	Source          string     `json:"source"`
	RetryOfTicketID *string    `json:"retry_of_ticket_id"`
	Outcome         *string    `json:"outcome"`
	VoidedAt        *time.Time `json:"voided_at"`
	CreatedAt       time.Time  `json:"created_at"`
}

// Purchase is a purchase of a ticket, a boost or a retry.
type Purchase struct {
	PurchaseID     string     `json:"purchase_id"`
	UserID         string     `json:"user_id"`
	PoolID         string     `json:"pool_id"`
	Type           string     `json:"type"`
	TicketID       string     `json:"ticket_id,omitempty"`
	LosingTicketID string     `json:"losing_ticket_id,omitempty"`
	Status         string     `json:"status"`
	AmountCents    int64      `json:"amount_cents"`
	Currency       string     `json:"currency"`
	PaymentMethod  string     `json:"payment_method"`
	Provider       string     `json:"provider,omitempty"`
	ProviderTxnID  string     `json:"provider_txn_id,omitempty"`
	SettledTxnID   string     `json:"settled_txn_id,omitempty"`
	IssuedTicketID string     `json:"issued_ticket_id,omitempty"`
	FailureReason  string     `json:"failure_reason,omitempty"`
	RefundedCents  int64      `json:"refunded_cents,omitempty"`
	HoldExpiresAt  *time.Time `json:"hold_expires_at,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

// WebhookAck is a payment webhook's 200 answer.
type WebhookAck struct {
	Received  bool   `json:"received"`
	Duplicate bool   `json:"duplicate"`
	Outcome   string `json:"outcome"`
}

// DrawProof is the published proof of a pool's draw.
type DrawProof struct {
	Algorithm   string        `json:"algorithm"`
	PoolID      string        `json:"pool_id"`
	Commitment  string        `json:"commitment"`
	Terms       *ProofTerms   `json:"terms"`
	Seed        string        `json:"seed"`
	Tickets     []ProofTicket `json:"tickets"`
	TicketsHash string        `json:"tickets_hash"`
	N           uint64        `json:"n"`
	Beacon      *ProofBeacon  `json:"beacon"`
	WordsUsed   uint64        `json:"words_used"`
	Winners     []ProofWinner `json:"winners"`
}

// ProofTerms are the draw terms a proof repeats.
type ProofTerms struct {
	WinnersCount int             `json:"winners_count"`
	Beacon       *map[string]any `json:"beacon"`
}

// ProofTicket is one ticket of a drawn pool.
type ProofTicket struct {
	TicketNum   int64  `json:"ticket_num"`
	Participant string `json:"participant"`
	Weight      int64  `json:"weight"`
	Mine        bool   `json:"mine,omitempty"`
}

// ProofBeacon is the public randomness a draw mixed in.
type ProofBeacon struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness"`
}

// ProofWinner is one winning ticket, in tier order.
type ProofWinner struct {
	Tier        int    `json:"tier"`
	TicketNum   int64  `json:"ticket_num"`
	Participant string `json:"participant"`
	Mine        bool   `json:"mine,omitempty"`
}

// Verification is the server's check of a stored proof.
type Verification struct {
	PoolID     string   `json:"pool_id"`
	Valid      bool     `json:"valid"`
	Mismatches []string `json:"mismatches"`
}

// participant is how a proof names userID in poolID, as documented: the first 16 hex digits
// of SHA-256("{pool_id}:{user_id}").
func participant(poolID, userID string) string {
	sum := sha256.Sum256([]byte(poolID + ":" + userID))
	return hex.EncodeToString(sum[:8])
}
