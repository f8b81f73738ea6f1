package validate

import (
	"fmt"
	"strings"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// ActingUser returns whose data a request acts on: the caller's own unless the body names
// another user_id, which only admins and services may do (403 for anyone else). A
// user_id that is not a UUID is a 422, and so is none from a service key that names no user.
func ActingUser(caller auth.Identity, bodyUserID *string) (string, error) {
	if (bodyUserID == nil || *bodyUserID == "") && caller.UserID == "" {
		return "", &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
			Detail: "user_id is required: the service key names no user.",
			Fields: []problem.FieldError{{Field: "user_id", Message: "is required for a service key that names no user"}}}
	}
	if bodyUserID == nil || *bodyUserID == "" {
		return caller.UserID, nil
	}
	var chk Checker
	if !chk.UUID("user_id", *bodyUserID) {
		return "", chk.Err()
	}
	named := strings.ToLower(*bodyUserID)
	if !caller.MayActFor(named) {
		return "", &problem.Error{Kind: problem.KindForbidden, Code: problem.SlugForbidden,
			Detail: "user_id must be your own user id.",
			Fields: []problem.FieldError{{Field: "user_id", Message: "must be your own user id"}}}
	}
	return named, nil
}

// Matches checks an optional client-sent value against the server's truth: absent is
// fine; present and different is a 422 naming field (e.g. an amount_cents that is not the
// pool's price).
func Matches[T comparable](field string, sent *T, truth T) error {
	if sent == nil || *sent == truth {
		return nil
	}
	msg := fmt.Sprintf("is %v but must be %v", *sent, truth)
	return &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
		Detail: fmt.Sprintf("Field %q %s.", field, msg), Fields: []problem.FieldError{{Field: field, Message: msg}}}
}
