// Package users is the /users resource: the app_user table, which records every caller
// the first time their token is seen (and their last visit, coarsely), the caller's own
// record, and the admin list and seeding endpoints.
package users

import (
	"time"
)

// User is a Tickup user as the API shows it.
type User struct {
	UserID     string     `json:"user_id" format:"uuid" doc:"The user's id: the sub of their access token."`
	Email      string     `json:"email,omitempty" format:"email"`
	Role       string     `json:"role" enum:"user,admin,service" doc:"The role of the last token seen (user for a seeded user)."`
	CreatedAt  time.Time  `json:"created_at"`
	LastSeenAt *time.Time `json:"last_seen_at,omitempty" doc:"When a request of the user was last recorded (to within minutes)."`
}

// createRequest is the body of POST /users.
type createRequest struct {
	UserID *string `json:"user_id,omitempty" format:"uuid" doc:"The Supabase user id; a new UUID when absent."`
	Email  string  `json:"email" format:"email"`
}

// row is an app_user row.
type row struct {
	UserID     string
	Email      *string
	Role       string
	CreatedAt  time.Time
	LastSeenAt *time.Time
}

// toUser converts a row for the API.
func (r row) toUser() User {
	u := User{UserID: r.UserID, Role: r.Role, CreatedAt: r.CreatedAt.UTC(), LastSeenAt: r.LastSeenAt}
	if r.Email != nil {
		u.Email = *r.Email
	}
	if u.LastSeenAt != nil {
		t := u.LastSeenAt.UTC()
		u.LastSeenAt = &t
	}
	return u
}

// keyset is the position of a user in the list order.
type keyset struct {
	CreatedAt time.Time `json:"c"`
	UserID    string    `json:"u"`
}
