package openapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Version is the OpenAPI version of the document.
const Version = "3.1.0"

// BearerScheme names the security scheme of access tokens.
const BearerScheme = "bearerAuth"

// Document is an OpenAPI document under construction. It is safe for concurrent use;
// routes are added at start-up and the document is marshalled when first served.
type Document struct {
	mu      sync.Mutex
	info    Info
	tags    []Tag
	paths   map[string]map[string]*Operation // path → lower-case method → operation
	gen     *generator
	problem reflect.Type
}

// Info is the document's info object.
type Info struct {
	Title       string `json:"title"`
	Version     string `json:"version"`
	Description string `json:"description,omitempty"`
}

// Tag groups operations in the rendered documentation.
type Tag struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// New returns an empty document whose problem responses have the JSON shape of problem
// (a value of the gateway's RFC 9457 problem type).
func New(info Info, problem any) *Document {
	return &Document{info: info, paths: map[string]map[string]*Operation{}, gen: newGenerator(),
		problem: reflect.TypeOf(problem)}
}

// problemType is the Go type of problem bodies.
func (d *Document) problemType() reflect.Type { return d.problem }

// AddTag describes a tag; tags appear in the order they are added.
func (d *Document) AddTag(name, description string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.tags = append(d.tags, Tag{Name: name, Description: description})
}

// SchemaOf returns a schema for v's Go type, registering named structs as components.
func (d *Document) SchemaOf(v any) *Schema {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.gen.schema(reflect.TypeOf(v), false)
}

// Name gives the component schema of v's Go type (a named struct) the name name, instead
// of its Go name: a type shared with a contract keeps the name the API has published.
// Call it before the type is first described.
func (d *Document) Name(v any, name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen.aliases[reflect.TypeOf(v)] = name
}

// Has reports whether the document describes method on path (an OpenAPI template).
func (d *Document) Has(method, path string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.paths[path][strings.ToLower(method)]
	return ok
}

// MarshalJSON renders the whole document.
func (d *Document) MarshalJSON() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return json.Marshal(map[string]any{
		"openapi": Version,
		"info":    d.info,
		"tags":    d.tags,
		"paths":   d.paths,
		"components": map[string]any{
			"schemas": d.gen.schemas,
			"securitySchemes": map[string]any{BearerScheme: map[string]string{
				"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
				"description": "A Supabase access token (tickup token mints one for development).",
			}},
		},
	})
}

// Add documents one operation; method and path (an OpenAPI template such as
// /api/v1/users/{user_id}) must not be documented yet.
func (d *Document) Add(method, path string, s Spec) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	m := strings.ToLower(method)
	if _, dup := d.paths[path][m]; dup {
		return fmt.Errorf("openapi: %s %s is documented twice", method, path)
	}
	op := d.operation(method, path, s)
	if d.paths[path] == nil {
		d.paths[path] = map[string]*Operation{}
	}
	d.paths[path][m] = op
	return nil
}
