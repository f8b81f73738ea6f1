package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/service"
)

func newMigrateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "migrate [api|ticketing|wallet|draw]",
		Short: "Create the database if missing and apply every service's migrations (or one's)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			names := serviceNames()
			if len(args) == 1 {
				if _, err := lookupService(args[0]); err != nil {
					return err
				}
				names = args
			}
			if err := prepareDatabase(cmd.Context(), cfg, names); err != nil {
				return err
			}
			for _, name := range names {
				if err := migrateService(cmd.Context(), cfg, name); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "migrated %s\n", name)
			}
			return nil
		},
	}
}

// prepareDatabase creates the database when it is missing and, with TICKUP_DB_ROLES on,
// gives each named service its own role owning its schema, with its configured password.
func prepareDatabase(ctx context.Context, cfg config.Config, names []string) error {
	created, err := db.EnsureDatabase(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	if created {
		fmt.Printf("created database %s\n", db.Redact(cfg.DatabaseURL))
	}
	if !cfg.DBRoles {
		return nil
	}
	admin, err := db.OpenSQL(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	for _, name := range names {
		if err := db.ProvisionServiceRole(ctx, admin, name, service.RoleName(name), cfg.DBPasswords[name]); err != nil {
			return err
		}
	}
	return nil
}

func migrateService(ctx context.Context, cfg config.Config, name string) error {
	def, err := lookupService(name)
	if err != nil {
		return err
	}
	dsn, err := service.DatabaseURL(cfg, name)
	if err != nil {
		return err
	}
	sqlDB, err := db.OpenSQL(ctx, dsn)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	return db.Migrate(ctx, sqlDB, name, service.MigrationSets(def.migrations)...)
}
