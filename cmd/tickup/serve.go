package main

import (
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	return &cobra.Command{
		Use:       "serve api|ticketing|wallet|draw",
		Short:     "Run one service (configured by DATABASE_URL, NATS_URL, …)",
		Args:      cobra.ExactArgs(1),
		ValidArgs: serviceNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			def, err := lookupService(args[0])
			if err != nil {
				return err
			}
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			if args[0] == "api" {
				if err := requireProdSecrets(cfg); err != nil {
					return err
				}
			}
			return traced(cmd.Context(), cfg, args[0], func() error { return def.run(cmd.Context(), cfg) })
		},
	}
}
