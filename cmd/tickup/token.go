package main

import (
	"crypto/rand"
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

// defaultTokenIssuer is the iss of a minted token when no issuer is configured, so that
// such tokens can be told apart from Supabase's.
const defaultTokenIssuer = "tickup-token"

// The roles `tickup token --role` mints, named as the gateway's callers are: a user, an
// admin (a user whose admin claim says admin), the service identity (role service_role).
const (
	roleUser    = "user"
	roleAdmin   = "admin"
	roleService = "service_role"
)

// tokenRequest is what `tickup token` was asked to mint.
type tokenRequest struct {
	userID, email, role string // role: roleUser, roleAdmin or roleService
	admin, service      bool   // the --admin and --service aliases
	allowProd           bool
	ttl                 time.Duration
}

func newTokenCmd() *cobra.Command {
	var req tokenRequest
	cmd := &cobra.Command{
		Use:   "token --user UUID [--role user|admin|service_role] [--email E] [--ttl 1h] [--allow-prod]",
		Short: "Print an access token signed with SUPABASE_JWT (the token alone, on stdout; a log line on stderr)",
		Long: "Print an access token signed with SUPABASE_JWT. The lifetime is capped by TICKUP_TOKEN_MAX_TTL; " +
			"with TICKUP_ENV=prod nothing is minted without --allow-prod. Every token is logged on stderr: " +
			"who minted it, for whom, which role, until when, and its jti. --admin and --service are short for " +
			"--role admin and --role service_role.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return mintToken(cmd, req) },
	}
	f := cmd.Flags()
	f.StringVar(&req.userID, "user", "", "the user id (a UUID), the token's sub")
	f.StringVar(&req.email, "email", "", "the user's e-mail")
	f.StringVar(&req.role, "role", roleUser, "user, admin (the admin claim, app_metadata.role by default, = admin) "+
		"or service_role (the backend service identity)")
	f.BoolVar(&req.admin, "admin", false, "short for --role admin")
	f.BoolVar(&req.service, "service", false, "short for --role service_role")
	f.DurationVar(&req.ttl, "ttl", time.Hour, "how long the token is valid (at most TICKUP_TOKEN_MAX_TTL)")
	f.BoolVar(&req.allowProd, "allow-prod", false, "mint even though TICKUP_ENV is prod (the log line records it)")
	_ = cmd.MarkFlagRequired("user")
	cmd.MarkFlagsMutuallyExclusive("role", "admin", "service")
	return cmd
}

// mintToken checks req against the configuration, mints, logs and prints the token.
func mintToken(cmd *cobra.Command, req tokenRequest) error {
	req = req.withAliases()
	apiRole, err := req.apiRole()
	if err != nil {
		return err
	}
	cfg, err := tokenConfig(cmd)
	if err != nil {
		return err
	}
	if err := req.allowed(cfg); err != nil {
		return err
	}
	opts := api.TokenOptions{Issuer: cfg.Supabase.JWTIssuer, AdminClaim: cfg.Auth.AdminClaim, TokenID: rand.Text()}
	if opts.Issuer == "" {
		opts.Issuer = defaultTokenIssuer
	}
	tok, err := api.MintTokenWith(cfg.Supabase.JWTSecret, req.userID, req.email, apiRole, req.ttl, opts)
	if err != nil {
		return err
	}
	logMinted(cmd.ErrOrStderr(), cfg.Env, req, opts)
	_, err = fmt.Fprintln(cmd.OutOrStdout(), tok)
	return err
}

// allowed refuses prod without --allow-prod and a lifetime beyond the configured cap.
func (r tokenRequest) allowed(cfg config.Config) error {
	if cfg.Env == "prod" && !r.allowProd {
		return fmt.Errorf("TICKUP_ENV is prod: a token signed with the shared secret can act as anyone; " +
			"pass --allow-prod to mint one anyway (it is logged)")
	}
	if r.ttl > cfg.Auth.TokenMaxTTL {
		return fmt.Errorf("ttl %s is longer than TICKUP_TOKEN_MAX_TTL (%s)", r.ttl, cfg.Auth.TokenMaxTTL)
	}
	return nil
}

// withAliases turns --admin and --service into the role they stand for.
func (r tokenRequest) withAliases() tokenRequest {
	switch {
	case r.admin:
		r.role = roleAdmin
	case r.service:
		r.role = roleService
	}
	return r
}

// apiRole is the gateway's name of the requested role; an unknown one is an error.
func (r tokenRequest) apiRole() (string, error) {
	switch r.role {
	case roleUser:
		return api.TokenRoleUser, nil
	case roleAdmin:
		return api.TokenRoleAdmin, nil
	case roleService:
		return api.TokenRoleService, nil
	}
	return "", fmt.Errorf("--role %q: want %s, %s or %s", r.role, roleUser, roleAdmin, roleService)
}

// tokenConfig loads the configuration (without requiring a database) and checks that it
// has a SUPABASE_JWT.
func tokenConfig(cmd *cobra.Command) (config.Config, error) {
	devFile, _, err := devSettingsFile(cmd)
	if err != nil {
		return config.Config{}, err
	}
	environ := os.Environ()
	if os.Getenv("DATABASE_URL") == "" && os.Getenv("TICKUP_DATABASE_URL") == "" {
		environ = append(environ, "TICKUP_DATABASE_URL="+unusedDatabaseURL)
	}
	cfg, err := loadConfigWith(config.Options{Environ: environ, DevFile: devFile})
	if err != nil {
		return cfg, err
	}
	if strings.TrimSpace(cfg.Supabase.JWTSecret) == "" {
		return cfg, fmt.Errorf("SUPABASE_JWT is not set: tickup token signs tokens with it "+
			"(start `make run` once: in env dev it generates one and records it in %s)", devFile)
	}
	return cfg, nil
}
