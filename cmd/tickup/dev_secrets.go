package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
)

// devAdminUser is the user id the banner of `tickup dev` suggests for an admin token.
const devAdminUser = "00000000-0000-4000-8000-000000000001"

// devConfig loads the configuration of `tickup dev` and returns where it records its
// settings. The settings file is read only when --config names it: a recorded file may come
// from another checkout, whose data dir this one must not take over.
func devConfig(cmd *cobra.Command) (config.Config, string, error) {
	path, explicit, err := devSettingsFile(cmd)
	if err != nil {
		return config.Config{}, "", err
	}
	opts := config.Options{}
	if explicit {
		opts.DevFile = path
	}
	cfg, err := loadConfigWith(opts)
	return cfg, path, err
}

// prepareSecrets refuses prod without webhook secrets; in dev it fills the missing secrets
// (kept under the data dir) and records the settings at settings for the other commands.
func prepareSecrets(out io.Writer, cfg *config.Config, settings string) error {
	if err := requireProdSecrets(*cfg); err != nil {
		return err
	}
	filled, err := config.EnsureDevSecrets(cfg)
	if err != nil {
		return fmt.Errorf("dev secrets: %w", err)
	}
	if len(filled) > 0 {
		fmt.Fprintf(out, "env dev: %s not set: using the ones kept in %s/%s\n",
			strings.Join(filled, ", "), cfg.DataDir, config.DevSecretsFile)
	}
	if cfg.Env != "dev" || settings == "" {
		return nil
	}
	if err := config.WriteDevSettings(settings, *cfg); err != nil {
		return fmt.Errorf("record dev settings: %w", err)
	}
	fmt.Fprintf(out, "Settings for tickup token, audit, …: %s\n", settings)
	return nil
}

// requireProdSecrets is the startup check of prod: nothing is generated there, so a missing
// webhook secret is an error rather than a webhook route that refuses every call.
func requireProdSecrets(cfg config.Config) error {
	if cfg.Env != "prod" {
		return nil
	}
	if len(cfg.Webhooks.StripeSecrets) == 0 && len(cfg.Webhooks.GenericSecrets) == 0 {
		return &exitError{code: 2, err: errors.New("invalid configuration:\nenv prod: no webhook secret " +
			"(set TICKUP_WEBHOOK_STRIPE_SECRETS or TICKUP_WEBHOOK_GENERIC_SECRETS); secrets are generated only in env dev")}
	}
	return nil
}
