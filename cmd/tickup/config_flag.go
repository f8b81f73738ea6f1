package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
)

// configFlag names the persistent flag that points every command at a settings file.
const configFlag = "config"

// addConfigFlag adds --config to root and all its commands.
func addConfigFlag(root *cobra.Command) {
	root.PersistentFlags().String(configFlag, "",
		"dotenv file of settings layered just above the defaults (default $XDG_CONFIG_HOME/tickup/dev.env, "+
			"else ~/.config/tickup/dev.env, written by `tickup dev`; read only in env dev)")
}

// devSettingsFile returns the settings file cmd reads and whether --config named it.
func devSettingsFile(cmd *cobra.Command) (string, bool, error) {
	if f := cmd.Flags().Lookup(configFlag); f != nil && f.Value.String() != "" {
		path := f.Value.String()
		if _, err := os.Stat(path); err != nil {
			return "", true, fmt.Errorf("--config: %w", err)
		}
		return path, true, nil
	}
	return config.DevSettingsPath(os.Environ()), false, nil
}

// loadConfig loads the configuration with the dev settings file below every other source;
// invalid configuration exits with code 2.
func loadConfig(cmd *cobra.Command) (config.Config, error) {
	path, _, err := devSettingsFile(cmd)
	if err != nil {
		return config.Config{}, err
	}
	return loadConfigWith(config.Options{DevFile: path})
}

func loadConfigWith(opts config.Options) (config.Config, error) {
	cfg, err := config.Load(opts)
	if err != nil {
		return cfg, &exitError{code: 2, err: fmt.Errorf("invalid configuration:\n%w", err)}
	}
	return cfg, nil
}
