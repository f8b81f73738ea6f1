package openapi

import (
	"encoding/json"
	"fmt"
	"path"
	"reflect"
	"strings"
	"time"
	"unicode"
)

// generator turns Go types into schemas. Named struct types become component schemas
// (referenced by their Go name); anonymous and generic ones are inlined.
type generator struct {
	schemas map[string]*Schema
	names   map[reflect.Type]string
	aliases map[reflect.Type]string // component names chosen by Document.Name
}

func newGenerator() *generator {
	return &generator{schemas: map[string]*Schema{}, names: map[reflect.Type]string{}, aliases: map[reflect.Type]string{}}
}

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// schema describes t. strict objects (request bodies) refuse unknown properties, as the
// gateway's strict JSON decoding does.
func (g *generator) schema(t reflect.Type, strict bool) *Schema {
	switch {
	case t.Kind() == reflect.Pointer:
		return nullable(g.schema(t.Elem(), strict))
	case t == timeType:
		return String("date-time")
	case t == rawType || t.Kind() == reflect.Interface:
		return &Schema{}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &Schema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32:
		return &Schema{Type: "integer"}
	case reflect.Int64, reflect.Uint64:
		return &Schema{Type: "integer", Format: "int64"}
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number"}
	case reflect.String:
		return &Schema{Type: "string"}
	case reflect.Slice, reflect.Array:
		return &Schema{Type: "array", Items: g.schema(t.Elem(), strict)}
	case reflect.Map:
		return &Schema{Type: "object", AdditionalProperties: g.schema(t.Elem(), strict)}
	case reflect.Struct:
		return g.structSchema(t, strict)
	}
	panic(fmt.Sprintf("openapi: cannot describe Go type %s", t))
}

// structSchema registers a named struct as a component (once) and returns a reference.
func (g *generator) structSchema(t reflect.Type, strict bool) *Schema {
	name, aliased := g.aliases[t]
	if !aliased {
		name = componentName(t)
	}
	if name == "" {
		return g.objectSchema(t, strict)
	}
	if known, ok := g.names[t]; ok {
		return ref(known)
	}
	if _, taken := g.schemas[name]; taken {
		panic(fmt.Sprintf("openapi: two Go types are named %s (%s); rename one", name, t.PkgPath()))
	}
	g.names[t] = name
	g.schemas[name] = &Schema{} // placeholder: a recursive type refers to itself
	*g.schemas[name] = *g.objectSchema(t, strict)
	return ref(name)
}

// objectSchema describes a struct's JSON properties the way encoding/json writes them.
func (g *generator) objectSchema(t reflect.Type, strict bool) *Schema {
	s := &Schema{Type: "object", Properties: map[string]*Schema{}}
	if strict {
		s.AdditionalProperties = false
	}
	g.addFields(s, t, strict)
	return s
}

// addFields adds t's fields to s, flattening embedded structs without a JSON name. A
// field filled from the URL path (tagged path:"…") is not part of the body.
func (g *generator) addFields(s *Schema, t reflect.Type, strict bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if (name == "-" && opts == "") || f.Tag.Get("path") != "" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			g.addFields(s, f.Type, strict)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		prop := g.schema(f.Type, strict)
		applyTags(prop, f.Tag)
		s.Properties[name] = prop
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			s.Required = append(s.Required, name)
		}
	}
}

// componentName names a struct's component schema: an exported type by its name, an
// unexported one by its package and name (users.createRequest → UsersCreateRequest), an
// anonymous or generic one not at all (it is inlined).
func componentName(t reflect.Type) string {
	name := t.Name()
	if name == "" || strings.ContainsAny(name, "[]") {
		return ""
	}
	if unicode.IsUpper([]rune(name)[0]) {
		return name
	}
	return upperFirst(path.Base(t.PkgPath())) + upperFirst(name)
}

// upperFirst capitalises s's first letter.
func upperFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
