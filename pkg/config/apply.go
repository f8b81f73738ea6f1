package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The set* helpers turn a raw string from any source into a Config field; they give
// the table in keys.go one line per key.

func setString(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, raw string) error {
		*field(c) = strings.TrimSpace(raw)
		return nil
	}
}

func setInt(field func(*Config) *int) func(*Config, string) error {
	return func(c *Config, raw string) error {
		n, err := parseInt(raw)
		*field(c) = n
		return err
	}
}

func setBool(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, raw string) error {
		b, err := strconv.ParseBool(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("not a boolean: %q", raw)
		}
		*field(c) = b
		return nil
	}
}

func setInt64(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, raw string) error {
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil {
			return fmt.Errorf("not an integer: %q", raw)
		}
		*field(c) = n
		return nil
	}
}

func setDuration(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, raw string) error {
		d, err := time.ParseDuration(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("not a duration such as 15s: %q", raw)
		}
		*field(c) = d
		return nil
	}
}

func setList(field func(*Config) *[]string) func(*Config, string) error {
	return func(c *Config, raw string) error {
		*field(c) = splitList(raw)
		return nil
	}
}

func parseInt(raw string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		return 0, fmt.Errorf("not an integer: %q", raw)
	}
	return n, nil
}

// splitList splits a comma-separated value, dropping blanks; nil when there is nothing.
func splitList(raw string) []string {
	var out []string
	for _, item := range strings.Split(raw, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
