package openapi

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// applyTags refines a property's schema from its struct field's tags:
//
//	format:"uuid"             enum:"ENTRY,BOOST,RETRY"    minimum:"1"    maximum:"200"
//	pattern:"^[A-Z]{3}$"      doc:"what the field means"  example:"EUR"
//
// On a reference (a struct-typed field) only doc applies.
func applyTags(s *Schema, tag reflect.StructTag) {
	if doc := tag.Get("doc"); doc != "" {
		s.Description = doc
	}
	if s.Ref != "" || s.AnyOf != nil {
		return
	}
	if f := tag.Get("format"); f != "" {
		s.Format = f
	}
	if e := tag.Get("enum"); e != "" {
		for v := range strings.SplitSeq(e, ",") {
			s.Enum = append(s.Enum, v)
		}
		if isNullable(s) {
			s.Enum = append(s.Enum, nil)
		}
	}
	s.Minimum = number(tag.Get("minimum"), s.Minimum)
	s.Maximum = number(tag.Get("maximum"), s.Maximum)
	if p := tag.Get("pattern"); p != "" {
		s.Pattern = p
	}
	if ex := tag.Get("example"); ex != "" {
		s.Examples = []any{example(s, ex)}
	}
}

// example converts an example tag to the property's JSON type.
func example(s *Schema, raw string) any {
	if primaryType(s) == "string" {
		return raw
	}
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		panic("openapi: example tag " + strconv.Quote(raw) + " is not JSON")
	}
	return v
}

// primaryType returns s's type, ignoring a "null" alternative.
func primaryType(s *Schema) string {
	switch t := s.Type.(type) {
	case string:
		return t
	case []string:
		return t[0]
	}
	return ""
}

// isNullable reports whether s's type list admits null.
func isNullable(s *Schema) bool {
	types, ok := s.Type.([]string)
	return ok && len(types) == 2 && types[1] == "null"
}

// number parses a numeric tag, keeping def when the tag is absent. A malformed value is a
// programming error in a struct tag.
func number(raw string, def *float64) *float64 {
	if raw == "" {
		return def
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		panic("openapi: bad numeric struct tag " + strconv.Quote(raw))
	}
	return &v
}
