package auth

// Role is what a caller may do beyond acting on their own data.
type Role string

// The roles of a caller.
const (
	RoleUser    Role = "user"    // a signed-in user
	RoleAdmin   Role = "admin"   // the configured admin claim (app_metadata.role by default) is "admin"
	RoleService Role = "service" // role == "service_role": another backend, or Supabase's service_role key
)

// Identity is the verified caller of a request.
type Identity struct {
	UserID    string // the token's sub, a UUID; empty for a service key that names no user
	Email     string
	Role      Role
	Anonymous bool // a Supabase anonymous sign-in (is_anonymous): a user without an account
}

// MayActFor reports whether the caller may act on userID's data: their own, or anyone's
// for an admin or a service.
func (i Identity) MayActFor(userID string) bool {
	return (i.UserID != "" && i.UserID == userID) || i.Role == RoleAdmin || i.Role == RoleService
}

// Key names the caller in per-caller limits: the user id, or the role of a service key
// that names no user.
func (i Identity) Key() string {
	if i.UserID == "" {
		return string(i.Role)
	}
	return i.UserID
}

// isUUID reports whether s is a UUID in canonical 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				return false
			}
		}
	}
	return true
}
