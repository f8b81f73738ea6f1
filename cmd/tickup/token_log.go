package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/user"
	"time"

	"tickup.dev/services/api/api"
)

// logMinted writes one JSON line on w recording who minted which token: a token signed
// with the shared secret can act as its subject, so every one must be traceable (its jti
// ties a request's token to this line). Prod mints are logged at warn level.
func logMinted(w io.Writer, env string, req tokenRequest, opts api.TokenOptions) {
	level := slog.LevelInfo
	if env == "prod" {
		level = slog.LevelWarn
	}
	now := time.Now().UTC()
	slog.New(slog.NewJSONHandler(w, nil)).Log(context.Background(), level, "access token minted",
		"minted_by", minter(), "env", env, "sub", req.userID, "role", req.role, "email", req.email,
		"iss", opts.Issuer, "jti", opts.TokenID, "ttl", req.ttl.String(),
		"expires_at", now.Add(req.ttl).Format(time.RFC3339), "allow_prod", req.allowProd)
}

// minter names the operator: their OS account and host.
func minter() string {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	host, err := os.Hostname()
	if err != nil {
		host = "unknown-host"
	}
	return name + "@" + host
}
