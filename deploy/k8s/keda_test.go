package k8s

import (
	"bytes"
	"fmt"
	"os"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"
)

// kedaCRD is KEDA's published ScaledObject CustomResourceDefinition (its header names the origin).
const kedaCRD = "testdata/keda.sh_scaledobjects.yaml"

// kedaSchema validates ScaledObjects as the API server does once the CRD is installed.
type kedaSchema struct{ schema *jsonschema.Schema }

// loadKEDASchema compiles the v1alpha1 openAPIV3Schema of the CRD. Objects with declared
// properties get additionalProperties: false, as the API server's strict field validation
// rejects (kubectl apply reports) fields the structural schema does not declare.
func loadKEDASchema() (*kedaSchema, error) {
	raw, err := os.ReadFile(kedaCRD)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", kedaCRD, err)
	}
	var crd struct {
		Spec struct {
			Versions []struct {
				Name   string
				Schema struct {
					OpenAPIV3Schema map[string]any `json:"openAPIV3Schema"`
				}
			}
		}
	}
	if err := yaml.Unmarshal(raw, &crd); err != nil {
		return nil, fmt.Errorf("decode %s: %w", kedaCRD, err)
	}
	for _, v := range crd.Spec.Versions {
		if v.Name == "v1alpha1" {
			return compile(closeObjects(v.Schema.OpenAPIV3Schema))
		}
	}
	return nil, fmt.Errorf("%s: no v1alpha1 schema", kedaCRD)
}

func compile(schema map[string]any) (*kedaSchema, error) {
	c := jsonschema.NewCompiler()
	if err := c.AddResource("keda-scaledobject.json", schema); err != nil {
		return nil, fmt.Errorf("add KEDA schema: %w", err)
	}
	s, err := c.Compile("keda-scaledobject.json")
	if err != nil {
		return nil, fmt.Errorf("compile KEDA schema: %w", err)
	}
	return &kedaSchema{schema: s}, nil
}

// closeObjects marks every object schema with properties and no additionalProperties as closed.
func closeObjects(node map[string]any) map[string]any {
	_, hasProps := node["properties"]
	_, hasAdditional := node["additionalProperties"]
	if hasProps && !hasAdditional && node["x-kubernetes-preserve-unknown-fields"] != true {
		node["additionalProperties"] = false
	}
	for _, child := range node {
		switch c := child.(type) {
		case map[string]any:
			closeObjects(c)
		case []any:
			for _, item := range c {
				if m, ok := item.(map[string]any); ok {
					closeObjects(m)
				}
			}
		}
	}
	return node
}

// validate checks one rendered ScaledObject against the schema.
func (k *kedaSchema) validate(doc []byte) error {
	j, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return fmt.Errorf("to JSON: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return fmt.Errorf("decode JSON: %w", err)
	}
	if err := k.schema.Validate(inst); err != nil {
		return fmt.Errorf("KEDA schema: %w", err)
	}
	return nil
}
