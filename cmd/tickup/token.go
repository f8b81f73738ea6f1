package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
	"tickup.dev/services/api/api"
)

// unusedDatabaseURL satisfies the configuration's required DATABASE_URL when none is set:
// minting a token needs only the JWT secret, never the database.
const unusedDatabaseURL = "postgresql://unused.invalid/tickup-token"

func newTokenCmd() *cobra.Command {
	var (
		userID, email  string
		admin, service bool
		ttl            time.Duration
	)
	cmd := &cobra.Command{
		Use:   "token --user UUID [--email E] [--admin|--service] [--ttl 1h]",
		Short: "Print a development access token signed with SUPABASE_JWT (the token alone, on stdout)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			secret, err := tokenSecret()
			if err != nil {
				return err
			}
			role := api.TokenRoleUser
			switch {
			case admin:
				role = api.TokenRoleAdmin
			case service:
				role = api.TokenRoleService
			}
			tok, err := api.MintToken(secret, userID, email, role, ttl)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), tok)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&userID, "user", "", "the user id (a UUID), the token's sub")
	f.StringVar(&email, "email", "", "the user's e-mail")
	f.BoolVar(&admin, "admin", false, "an admin token (app_metadata.role = admin)")
	f.BoolVar(&service, "service", false, "a backend service token (role = service_role)")
	f.DurationVar(&ttl, "ttl", time.Hour, "how long the token is valid")
	_ = cmd.MarkFlagRequired("user")
	cmd.MarkFlagsMutuallyExclusive("admin", "service")
	return cmd
}

// tokenSecret loads the configuration (without requiring a database) and returns its
// SUPABASE_JWT.
func tokenSecret() (string, error) {
	environ := os.Environ()
	if os.Getenv("DATABASE_URL") == "" && os.Getenv("TICKUP_DATABASE_URL") == "" {
		environ = append(environ, "TICKUP_DATABASE_URL="+unusedDatabaseURL)
	}
	cfg, err := config.Load(config.Options{Environ: environ})
	if err != nil {
		return "", &exitError{code: 2, err: fmt.Errorf("invalid configuration:\n%w", err)}
	}
	if strings.TrimSpace(cfg.Supabase.JWTSecret) == "" {
		return "", errors.New("SUPABASE_JWT is not set: tickup token signs tokens with it")
	}
	return cfg.Supabase.JWTSecret, nil
}
