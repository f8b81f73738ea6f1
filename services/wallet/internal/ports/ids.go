package ports

import (
	"strings"

	"github.com/google/uuid"

	"tickup.dev/services/wallet/internal/domain"
)

// requireID records a problem unless id is a UUID in canonical form.
func requireID(v domain.Validation, field, id string) {
	v.Require(isID(id), field, "must be a UUID in canonical lowercase form")
}

// requireActor records a problem unless an admin actor is named.
func requireActor(v domain.Validation, actor string) {
	v.Require(strings.TrimSpace(actor) != "", "actor", "is required: this is an admin operation")
}

// isID reports whether id is a canonical UUID (what the database stores and returns).
func isID(id string) bool {
	u, err := uuid.Parse(id)
	return err == nil && u.String() == strings.ToLower(id) && len(id) == 36
}

// optionalID is isID for fields that may be left empty.
func optionalID(id string) bool { return id == "" || isID(id) }
