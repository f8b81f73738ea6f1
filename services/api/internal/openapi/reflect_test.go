package openapi

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

type inner struct {
	N int `json:"n"`
}

type Sample struct {
	ID       string            `json:"id" format:"uuid" doc:"the id"`
	Name     string            `json:"name,omitempty"`
	Cents    int64             `json:"amount_cents" minimum:"1" example:"500"`
	State    string            `json:"state" enum:"OPEN,FULL"`
	Maybe    *string           `json:"maybe,omitempty"`
	When     time.Time         `json:"when"`
	Tags     []string          `json:"tags"`
	Labels   map[string]string `json:"labels,omitempty"`
	Inner    inner             `json:"inner"`
	InnerPtr *inner            `json:"inner_ptr"`
	Skipped  string            `json:"-"`
	_        string
	Embedded
}

type Embedded struct {
	Extra bool `json:"extra"`
}

func TestSchemaFromGoType(t *testing.T) {
	t.Parallel()
	g := newGenerator()
	s := g.schema(reflect.TypeFor[Sample](), false)
	if s.Ref != componentPrefix+"Sample" {
		t.Fatalf("ref = %q", s.Ref)
	}
	c := g.schemas["Sample"]
	wantRequired := []string{"id", "amount_cents", "state", "when", "tags", "inner", "inner_ptr", "extra"}
	if !slices.Equal(c.Required, wantRequired) {
		t.Errorf("required = %v, want %v", c.Required, wantRequired)
	}
	props := c.Properties
	checks := []struct {
		name string
		ok   bool
	}{
		{"uuid format and doc", props["id"].Format == "uuid" && props["id"].Description == "the id"},
		{"int64", props["amount_cents"].Type == "integer" && props["amount_cents"].Format == "int64" && *props["amount_cents"].Minimum == 1},
		{"numeric example", reflect.DeepEqual(props["amount_cents"].Examples, []any{float64(500)})},
		{"enum", reflect.DeepEqual(props["state"].Enum, []any{"OPEN", "FULL"})},
		{"nullable pointer", reflect.DeepEqual(props["maybe"].Type, []string{"string", "null"})},
		{"time", props["when"].Format == "date-time"},
		{"array", props["tags"].Type == "array" && props["tags"].Items.Type == "string"},
		{"map", props["labels"].Type == "object"},
		{"unexported type named by package", props["inner"].Ref == componentPrefix+"OpenapiInner"},
		{"nullable reference", len(props["inner_ptr"].AnyOf) == 2},
		{"embedded flattened", props["extra"] != nil && props["Embedded"] == nil},
		{"skipped and unexported", props["Skipped"] == nil && props["-"] == nil && props["_"] == nil},
		{"responses stay open", c.AdditionalProperties == nil},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: %+v", ch.name, props)
		}
	}
}

func TestRequestBodiesAreStrictAndNamesUnique(t *testing.T) {
	t.Parallel()
	g := newGenerator()
	g.schema(reflect.TypeFor[struct{ A inner }](), true)
	if g.schemas["OpenapiInner"].AdditionalProperties != false {
		t.Error("a request body's object admits unknown properties")
	}
	g.schema(reflect.TypeFor[Sample](), false)
	type Sample struct{} // another type of the same name
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "two Go types") {
			t.Errorf("recover() = %q, want a name collision panic", r)
		}
	}()
	g.schema(reflect.TypeFor[Sample](), false)
}

func TestDocumentOperations(t *testing.T) {
	t.Parallel()
	d := New(Info{Title: "t", Version: "1"}, struct {
		Type string `json:"type"`
	}{})
	err := d.Add("GET", "/api/v1/pools/{id}/tickets/{ticket_id}/{slug}", Spec{Auth: AuthRequired,
		Responses: []Response{{Status: 200, Body: Sample{}, Headers: []string{"Location"}}}, Problems: []int{404, 200}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Add("get", "/api/v1/pools/{id}/tickets/{ticket_id}/{slug}", Spec{}); err == nil {
		t.Error("a duplicate operation was accepted")
	}
	op := d.paths["/api/v1/pools/{id}/tickets/{ticket_id}/{slug}"]["get"]
	if op.OperationID != "getPoolsByIdTicketsByTicketIdBySlug" || len(op.Security) != 1 {
		t.Errorf("operation %+v", op)
	}
	formats := []string{}
	for _, p := range op.Parameters {
		formats = append(formats, p.Name+":"+p.Schema.Format)
	}
	if !slices.Equal(formats, []string{"id:uuid", "ticket_id:uuid", "slug:"}) {
		t.Errorf("path parameters %v", formats)
	}
	if op.Responses["200"].Content["application/json"].Schema.Ref == "" || op.Responses["404"].Content["application/problem+json"].Schema == nil {
		t.Errorf("responses %+v", op.Responses)
	}
	if _, err := json.Marshal(d); err != nil || !d.Has("GET", "/api/v1/pools/{id}/tickets/{ticket_id}/{slug}") {
		t.Errorf("marshal: %v", err)
	}
}

// pathBody is a request whose id comes from the URL path.
type pathBody struct {
	ThingID string `json:"thing_id" path:"id"`
	Name    string `json:"name"`
}

func TestNamedComponentsAndPathFields(t *testing.T) {
	t.Parallel()
	d := New(Info{Title: "t"}, struct{}{})
	d.Name(pathBody{}, "PublishedName")
	if s := d.SchemaOf(pathBody{}); s.Ref != componentPrefix+"PublishedName" {
		t.Fatalf("ref %q, want the published name", s.Ref)
	}
	got := d.gen.schemas["PublishedName"]
	if _, ok := got.Properties["thing_id"]; ok || got.Properties["name"] == nil || !slices.Equal(got.Required, []string{"name"}) {
		t.Errorf("schema %+v: want name only, the path field left out", got)
	}
}
