package k8s

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// overlays are the kustomizations operators apply, relative to this package.
var overlays = []string{"overlays/dev", "overlays/prod"}

// object is one rendered Kubernetes object, as kustomize emits it.
type object struct {
	APIVersion, Kind, Name string
	YAML                   []byte
}

// String names the object in findings.
func (o object) String() string { return o.Kind + " " + o.Name }

// render builds the kustomization at dir on fsys, as `kubectl apply -k dir` would.
func render(fsys filesys.FileSystem, dir string) ([]object, error) {
	m, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("kustomize build %s: %w", dir, err)
	}
	var objs []object
	for _, r := range m.Resources() {
		y, err := r.AsYAML()
		if err != nil {
			return nil, fmt.Errorf("%s %s as YAML: %w", r.GetKind(), r.GetName(), err)
		}
		objs = append(objs, object{APIVersion: r.GetApiVersion(), Kind: r.GetKind(), Name: r.GetName(), YAML: y})
	}
	return objs, nil
}

// memoryCopy copies the manifests (base, components, overlays) into an in-memory file system under the
// same absolute paths, so a test can plant a mistake without touching the repository.
func memoryCopy(t *testing.T) (filesys.FileSystem, string) {
	t.Helper()
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	mem := filesys.MakeFsInMemory()
	for _, sub := range []string{"base", "components", "overlays"} {
		err := filepath.WalkDir(filepath.Join(root, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return mem.WriteFile(path, data)
		})
		if err != nil {
			t.Fatalf("copy %s: %v", sub, err)
		}
	}
	return mem, root
}
