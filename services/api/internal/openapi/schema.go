// Package openapi builds Tickup's OpenAPI 3.1 document in Go. Routes add their operations
// next to their handlers, and request and response schemas are derived by reflection from
// the Go types the handlers decode and encode, so the document cannot drift from the code.
package openapi

// Schema is a JSON Schema (2020-12, as OpenAPI 3.1 uses it). Type holds a string, or a
// []string for nullable values ("string", "null").
type Schema struct {
	Ref                  string             `json:"$ref,omitempty"`
	Type                 any                `json:"type,omitempty"`
	Format               string             `json:"format,omitempty"`
	Description          string             `json:"description,omitempty"`
	Enum                 []any              `json:"enum,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties any                `json:"additionalProperties,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	AnyOf                []*Schema          `json:"anyOf,omitempty"`
	Minimum              *float64           `json:"minimum,omitempty"`
	Maximum              *float64           `json:"maximum,omitempty"`
	MinLength            *int               `json:"minLength,omitempty"`
	MaxLength            *int               `json:"maxLength,omitempty"`
	Pattern              string             `json:"pattern,omitempty"`
	Examples             []any              `json:"examples,omitempty"`
}

// String returns a string schema with an optional format ("uuid", "date-time", "uri").
func String(format string) *Schema {
	return &Schema{Type: "string", Format: format}
}

// Integer returns an integer schema bounded by min and max (nil for no bound).
func Integer(min, max *float64) *Schema {
	return &Schema{Type: "integer", Minimum: min, Maximum: max}
}

// Bound returns a pointer to v, for Schema.Minimum and Schema.Maximum.
func Bound(v float64) *float64 { return &v }

// ref returns a schema pointing at the component schema name.
func ref(name string) *Schema {
	return &Schema{Ref: componentPrefix + name}
}

// componentPrefix starts every reference to a component schema.
const componentPrefix = "#/components/schemas/"

// nullable lets s also be null: a type list for plain schemas, anyOf for references.
func nullable(s *Schema) *Schema {
	switch t := s.Type.(type) {
	case string:
		s.Type = []string{t, "null"}
		return s
	case nil:
		if s.Ref == "" {
			return s // any value, null included
		}
		return &Schema{AnyOf: []*Schema{s, {Type: "null"}}}
	}
	return s
}
