package compose

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// composeFile is the file under test, relative to this package.
const composeFile = "../../docker-compose.yml"

// readComposeFile returns the repository's compose file and the directory it lives in.
func readComposeFile(t *testing.T) (content []byte, dir string) {
	t.Helper()
	path, err := filepath.Abs(composeFile)
	if err != nil {
		t.Fatalf("resolve %s: %v", composeFile, err)
	}
	content, err = os.ReadFile(path)
	if err != nil {
		t.Fatalf("read compose file: %v", err)
	}
	return content, filepath.Dir(path)
}

// load turns compose YAML into a project the way `docker compose config` does: the project
// loader interpolates env (standing in for the shell and .env), normalises and validates the
// model against the Compose schema, then environment files are resolved into each service.
func load(ctx context.Context, content []byte, dir string, env map[string]string) (*types.Project, error) {
	details := types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "docker-compose.yml"), Content: content}},
		Environment: types.Mapping(env),
	}
	project, err := loader.LoadWithContext(ctx, details, func(o *loader.Options) {
		o.SetProjectName("tickup", true)
	})
	if err != nil {
		return nil, fmt.Errorf("load compose file: %w", err)
	}
	project, err = project.WithServicesEnvironmentResolved(false)
	if err != nil {
		return nil, fmt.Errorf("resolve service environments: %w", err)
	}
	return project, nil
}
