package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/joho/godotenv"
	"github.com/spf13/viper"
)

// Default file names looked for in the working directory.
const (
	DefaultConfigFile = "tickup.yaml"
	DefaultEnvFile    = ".env"
	// EnvFileVar names another .env file.
	EnvFileVar = "ENV_FILE"
)

// Options says where Load looks for configuration.
type Options struct {
	// ConfigFile is the YAML file to read; empty means tickup.yaml if it exists.
	ConfigFile string
	// EnvFile is the dotenv file to read; empty means $ENV_FILE, else .env if it exists.
	EnvFile string
	// Environ replaces the process environment ("KEY=value" entries); nil means os.Environ().
	Environ []string
	// DevFile is a dotenv file (such as the one `tickup dev` writes, see DevSettingsPath)
	// layered just above the defaults: every other source beats it. It applies only when the
	// resulting env is dev; a missing file is ignored.
	DevFile string
}

// Load reads the configuration with precedence defaults < Options.DevFile (env dev only) <
// tickup.yaml < .env < environment, then validates it. Within one source a TICKUP_* variable beats the seed's bare name.
// Invalid values are all reported at once in a *ValidationError.
func Load(opts Options) (Config, error) {
	environ := opts.environ()
	keys := table()
	v := viper.New()
	for _, k := range keys {
		if k.Default != "" {
			v.SetDefault(k.Name, k.Default)
		}
	}
	devVars, err := readEnvFile(opts.DevFile, false)
	if err != nil {
		return Config{}, err
	}
	for _, k := range keys {
		if val, ok := lookup(k, devVars); ok {
			v.SetDefault(k.Name, val)
		}
	}
	problems, err := mergeConfigFile(v, opts.ConfigFile, keys)
	if err != nil {
		return Config{}, err
	}
	dotenv, err := readEnvFile(opts.envFile(environ))
	if err != nil {
		return Config{}, err
	}
	for _, k := range keys {
		if val, ok := lookup(k, environ, dotenv); ok {
			v.Set(k.Name, val)
		}
	}
	cfg, decodeProblems := decode(v, keys)
	if devVars != nil && cfg.Env != "dev" {
		opts.DevFile = ""
		return Load(opts)
	}
	problems = append(append(problems, decodeProblems...), cfg.problems()...)
	if len(problems) > 0 {
		return Config{}, &ValidationError{Problems: problems}
	}
	return cfg, nil
}

func (o Options) environ() map[string]string {
	list := o.Environ
	if list == nil {
		list = os.Environ()
	}
	env := make(map[string]string, len(list))
	for _, kv := range list {
		if name, val, ok := strings.Cut(kv, "="); ok {
			env[name] = val
		}
	}
	return env
}

// envFile returns the dotenv file to read and whether it must exist.
func (o Options) envFile(environ map[string]string) (string, bool) {
	if o.EnvFile != "" {
		return o.EnvFile, true
	}
	if name := environ[EnvFileVar]; name != "" {
		return name, true
	}
	return DefaultEnvFile, false
}

// mergeConfigFile layers the YAML file over the defaults and reports keys it does not know.
func mergeConfigFile(v *viper.Viper, path string, keys []Key) ([]string, error) {
	required := path != ""
	if !required {
		path = DefaultConfigFile
	}
	if !required && !exists(path) {
		return nil, nil
	}
	file := viper.New()
	file.SetConfigFile(path)
	file.SetConfigType("yaml")
	if err := file.ReadInConfig(); err != nil {
		return nil, fmt.Errorf("read config file %s: %w", path, err)
	}
	if err := v.MergeConfigMap(file.AllSettings()); err != nil {
		return nil, fmt.Errorf("merge config file %s: %w", path, err)
	}
	return unknownKeys(path, file.AllKeys(), keys), nil
}

func unknownKeys(path string, found []string, keys []Key) []string {
	known := make(map[string]bool, len(keys))
	for _, k := range keys {
		known[k.Name] = true
	}
	var problems []string
	for _, name := range found {
		if !known[name] {
			problems = append(problems, fmt.Sprintf("%s: unknown key %q", path, name))
		}
	}
	return problems
}

func readEnvFile(path string, required bool) (map[string]string, error) {
	if !required && !exists(path) {
		return nil, nil
	}
	vars, err := godotenv.Read(path)
	if err != nil {
		return nil, fmt.Errorf("read env file %s: %w", path, err)
	}
	return vars, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// lookup finds a key's value: the process environment beats the .env file, and within
// each, the names in k.Env are tried in order.
func lookup(k Key, sources ...map[string]string) (string, bool) {
	for _, src := range sources {
		for _, name := range k.Env {
			if val, ok := src[name]; ok {
				return val, true
			}
		}
	}
	return "", false
}
