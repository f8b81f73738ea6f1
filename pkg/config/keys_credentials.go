package config

import "strings"

// Services whose database role and NATS user have their own credentials. The operator is
// the tickup CLI (status, dlq): it has a NATS user but no database role of its own.
var (
	credentialServices = []string{"api", "ticketing", "wallet", "draw"}
	natsClients        = append(append([]string(nil), credentialServices...), OperatorClient)
)

// OperatorClient names the NATS user of the tickup CLI's status and dlq commands.
const OperatorClient = "operator"

// NATSUser is a NATS user name and password; both empty means connect anonymously.
type NATSUser struct {
	User     string
	Password string
}

// credentialKeys are each service's database role password and NATS user and password.
func credentialKeys() []Key {
	var keys []Key
	for _, s := range credentialServices {
		keys = append(keys, Key{
			Name: "db_passwords." + s, Env: []string{"TICKUP_DB_PASSWORD_" + strings.ToUpper(s)}, Secret: true,
			Description: "password of the " + s + " service's database role (with db_roles; tickup migrate sets it)",
			apply: func(c *Config, raw string) error {
				if raw = strings.TrimSpace(raw); raw != "" { // unset leaves the map nil
					c.DBPasswords = withEntry(c.DBPasswords, s, raw)
				}
				return nil
			},
		})
	}
	for _, s := range natsClients {
		keys = append(keys, Key{
			Name: "nats_users." + s + ".user", Env: []string{"TICKUP_NATS_USER_" + strings.ToUpper(s)},
			Description: "NATS user the " + s + " connects as (empty: anonymous)",
			apply:       setNATSUser(s, func(u *NATSUser) *string { return &u.User }),
		}, Key{
			Name: "nats_users." + s + ".password", Env: []string{"TICKUP_NATS_PASSWORD_" + strings.ToUpper(s)}, Secret: true,
			Description: "password of the " + s + "'s NATS user",
			apply:       setNATSUser(s, func(u *NATSUser) *string { return &u.Password }),
		})
	}
	return keys
}

func setNATSUser(client string, field func(*NATSUser) *string) func(*Config, string) error {
	return func(c *Config, raw string) error {
		if raw = strings.TrimSpace(raw); raw != "" { // unset leaves the map nil
			u := c.NATSUsers[client]
			*field(&u) = raw
			c.NATSUsers = withEntry(c.NATSUsers, client, u)
		}
		return nil
	}
}

func withEntry[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// checkCredentials wants a NATS user and its password together, and in prod a password for
// every service role when services connect as their own roles.
func checkCredentials(r *report, c Config) {
	for _, s := range natsClients {
		u := c.NATSUsers[s]
		if (u.User == "") != (u.Password == "") {
			r.add("nats_users."+s+".user", "a NATS user and its password go together (set both or neither)")
		}
	}
	if c.Env != "prod" || !c.DBRoles {
		return
	}
	for _, s := range credentialServices {
		if c.DBPasswords[s] == "" {
			r.add("db_passwords."+s, "required in prod when db_roles is on")
		}
	}
}
