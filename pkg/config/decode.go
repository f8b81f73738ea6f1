package config

import (
	"fmt"
	"strings"

	"github.com/spf13/viper"
)

// decode builds a Config from the merged sources. A value that cannot be parsed is
// reported and replaced by the key's default, so that Validate does not report it twice.
func decode(v *viper.Viper, keys []Key) (Config, []string) {
	cfg := Config{HealthPorts: map[string]int{}}
	var problems []string
	for _, k := range keys {
		if err := k.apply(&cfg, rawValue(v, k.Name)); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", k.label(), err))
			_ = k.apply(&cfg, k.Default)
		}
	}
	cfg.derive()
	return cfg, problems
}

// derive fills the values computed from others.
func (c *Config) derive() {
	c.DatabaseURL = NormaliseDatabaseURL(c.DatabaseURL)
	if c.Supabase.JWKSURL == "" && c.Supabase.URL != "" {
		c.Supabase.JWKSURL = strings.TrimRight(c.Supabase.URL, "/") + jwksPath
	}
	c.HealthPorts[APIService] = c.HTTPPort
}

// rawValue returns a key's merged value as text; YAML lists become comma-separated.
func rawValue(v *viper.Viper, name string) string {
	switch val := v.Get(name).(type) {
	case nil:
		return ""
	case string:
		return val
	case []any:
		parts := make([]string, len(val))
		for i, item := range val {
			parts[i] = fmt.Sprint(item)
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(val)
	}
}
