package ports

import (
	"encoding/base64"
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// requiredID parses a required UUID field.
func requiredID(f domain.Fields, field, value string) uuid.UUID {
	id, err := uuid.Parse(value)
	f.Check(value != "", field, "is required")
	f.Check(err == nil, field, "must be a UUID")
	return id
}

// optionalID parses a UUID field that may be empty (uuid.Nil).
func optionalID(f domain.Fields, field, value string) uuid.UUID {
	if value == "" {
		return uuid.Nil
	}
	id, err := uuid.Parse(value)
	f.Check(err == nil, field, "must be a UUID")
	return id
}

// readPage checks limit and decodes cursor; the page asks for one item more than the
// caller wants, which tells whether another page follows.
func readPage(f domain.Fields, limit int, cursor string, def, maxLimit int, validKey func(string) bool) app.Page {
	f.Check(limit >= 0 && limit <= maxLimit, "limit", fmt.Sprintf("must be between 1 and %d", maxLimit))
	if limit <= 0 || limit > maxLimit {
		limit = def
	}
	after := ""
	if cursor != "" {
		raw, err := base64.RawURLEncoding.DecodeString(cursor)
		after = string(raw)
		f.Check(err == nil && validKey(after), "cursor", "is not a cursor this endpoint issued")
	}
	return app.Page{Limit: limit + 1, After: after}
}

// cut trims the extra item readPage asked for and returns the cursor of the next page.
func cut[T any](items []T, page app.Page, key func(T) string) ([]T, string) {
	want := page.Limit - 1
	if len(items) <= want {
		return items, ""
	}
	items = items[:want]
	return items, base64.RawURLEncoding.EncodeToString([]byte(key(items[want-1])))
}

func isUUID(s string) bool { _, err := uuid.Parse(s); return err == nil }

func isNum(s string) bool { n, err := strconv.Atoi(s); return err == nil && n >= 0 }
