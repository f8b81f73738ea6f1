// Package paging is the gateway's cursor pagination: ?limit= (default 50, at most 200) and an
// opaque ?cursor= (base64url of a small JSON keyset), answered as
// {"items": […], "next_cursor": "…"} with next_cursor absent on the last page.
package paging

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
)

// Limits of a page.
const (
	DefaultLimit    = 50
	MaxLimit        = 200
	maxCursorLength = 1024
)

// Page is a parsed page request.
type Page struct {
	Limit  int
	cursor string
}

// List is a page of items as the API answers it.
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty" doc:"Pass as ?cursor= for the next page; absent on the last page."`
}

// Of is the list of a service's page: its items (never null) and its next cursor.
func Of[T any](items []T, next string) List[T] {
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, NextCursor: next}
}

// FromQuery reads ?limit= and ?cursor=; a bad value is a 422 problem naming the parameter.
func FromQuery(c *gin.Context) (Page, error) {
	p := Page{Limit: DefaultLimit, cursor: c.Query("cursor")}
	if raw, ok := c.GetQuery("limit"); ok {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > MaxLimit {
			return p, invalid("limit", fmt.Sprintf("must be an integer from 1 to %d", MaxLimit))
		}
		p.Limit = n
	}
	if len(p.cursor) > maxCursorLength {
		return p, invalid("cursor", "is not a cursor this API issued")
	}
	return p, nil
}

// After decodes the cursor's keyset into dst and reports whether there was a cursor; a
// cursor that does not decode is a 422 problem.
func (p Page) After(dst any) (bool, error) {
	if p.cursor == "" {
		return false, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(p.cursor)
	if err != nil || json.Unmarshal(raw, dst) != nil {
		return false, invalid("cursor", "is not a cursor this API issued")
	}
	return true, nil
}

// NewList builds the answer from rows fetched with LIMIT Limit+1: the extra row, if any,
// proves there is a next page, whose cursor is the keyset of the last row kept.
func NewList[T, K any](rows []T, p Page, key func(T) K) (List[T], error) {
	out := List[T]{Items: rows}
	if len(rows) > p.Limit {
		out.Items = rows[:p.Limit]
		next, err := Encode(key(out.Items[p.Limit-1]))
		if err != nil {
			return out, err
		}
		out.NextCursor = next
	}
	if out.Items == nil {
		out.Items = []T{}
	}
	return out, nil
}

// Encode turns a keyset into an opaque cursor.
func Encode(keyset any) (string, error) {
	raw, err := json.Marshal(keyset)
	if err != nil {
		return "", fmt.Errorf("encode cursor: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}

// Parameters documents ?limit= and ?cursor= for a list route.
func Parameters() []openapi.Parameter {
	return []openapi.Parameter{
		openapi.Query("limit", fmt.Sprintf("Items per page, 1 to %d (default %d).", MaxLimit, DefaultLimit),
			openapi.Integer(openapi.Bound(1), openapi.Bound(MaxLimit))),
		openapi.Query("cursor", "The next_cursor of the previous page.", openapi.String("")),
	}
}

// invalid is a 422 problem about one query parameter.
func invalid(field, message string) error {
	return &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
		Detail: fmt.Sprintf("Query parameter %q %s.", field, message),
		Fields: []problem.FieldError{{Field: field, Message: message}}}
}
