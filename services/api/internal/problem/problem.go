// Package problem answers Tickup's HTTP errors as RFC 9457 problem details
// (application/problem+json) with a stable type URI per error, and holds the one table
// that maps domain errors to those responses.
package problem

import "strings"

// ContentType is the media type of every problem response.
const ContentType = "application/problem+json"

// typeBase prefixes every slug to form the problem's type URI.
const typeBase = "https://tickup.dev/problems/"

// Slugs name the stable problem types; the type URI is typeBase + slug.
const (
	SlugValidation          = "validation-failed"
	SlugMalformedJSON       = "malformed-json"
	SlugBadRequest          = "bad-request"
	SlugUnknownField        = "unknown-field"
	SlugBodyTooLarge        = "body-too-large"
	SlugUnauthorized        = "unauthorized"
	SlugForbidden           = "forbidden"
	SlugAccountRequired     = "account-required"
	SlugNotFound            = "not-found"
	SlugMethodNotAllowed    = "method-not-allowed"
	SlugConflict            = "conflict"
	SlugIdempotencyKeyReuse = "idempotency-key-reuse"
	SlugIdempotencyInFlight = "idempotency-in-flight"
	SlugRateLimited         = "rate-limited"
	SlugUnprocessable       = "unprocessable"
	SlugServiceUnavailable  = "service-unavailable"
	SlugInternal            = "internal"
)

// Problem is an RFC 9457 problem details object.
type Problem struct {
	Type      string       `json:"type"`
	Title     string       `json:"title"`
	Status    int          `json:"status"`
	Detail    string       `json:"detail,omitempty"`
	Instance  string       `json:"instance,omitempty"`
	RequestID string       `json:"request_id,omitempty"`
	Errors    []FieldError `json:"errors,omitempty"`
}

// FieldError names one offending field of a request and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// titles gives the human summary of each known slug; a title never varies between
// occurrences of the same type.
func titles() map[string]string {
	return map[string]string{
		SlugValidation:          "Validation failed",
		SlugMalformedJSON:       "Malformed JSON",
		SlugBadRequest:          "Bad request",
		SlugUnknownField:        "Unknown field",
		SlugBodyTooLarge:        "Request body too large",
		SlugUnauthorized:        "Unauthorized",
		SlugForbidden:           "Forbidden",
		SlugAccountRequired:     "Account required",
		SlugNotFound:            "Not found",
		SlugMethodNotAllowed:    "Method not allowed",
		SlugConflict:            "Conflict",
		SlugIdempotencyKeyReuse: "Idempotency key reused",
		SlugIdempotencyInFlight: "Idempotent request in flight",
		SlugRateLimited:         "Too many requests",
		SlugUnprocessable:       "Unprocessable request",
		SlugServiceUnavailable:  "Service unavailable",
		SlugInternal:            "Internal server error",
	}
}

// TypeURI returns the stable type URI of slug.
func TypeURI(slug string) string {
	return typeBase + slug
}

// New builds a problem of the given status and slug, titled after the slug.
func New(status int, slug, detail string) Problem {
	return Problem{Type: TypeURI(slug), Title: titleOf(slug, "Error"), Status: status, Detail: detail}
}

// titleOf returns slug's title, or a title derived from the slug itself when it is a
// service-specific one ("insufficient-funds" → "Insufficient funds").
func titleOf(slug, fallback string) string {
	if t, ok := titles()[slug]; ok {
		return t
	}
	if slug == "" {
		return fallback
	}
	words := strings.ReplaceAll(slug, "-", " ")
	return strings.ToUpper(words[:1]) + words[1:]
}
