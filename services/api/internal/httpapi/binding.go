package httpapi

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// binding reads one route's input into a Req: its path parameters and its JSON body.
type binding[Req any] struct {
	route Route
	ids   []string // the path's id parameters, which the document calls UUIDs
	path  []pathField
}

// pathField is a Req field filled from the path parameter param; json is its body name.
type pathField struct {
	index       []int
	param, json string
}

// newBinding finds the route's id parameters and Req's path fields; a field naming a
// parameter the route does not check as an id, or a field that is not a string, is a
// programming error.
func newBinding[Req any](route Route) binding[Req] {
	b := binding[Req]{route: route, ids: idParams(route)}
	t := reflect.TypeFor[Req]()
	if t.Kind() != reflect.Struct {
		return b
	}
	for _, f := range reflect.VisibleFields(t) {
		param := f.Tag.Get("path")
		if param == "" {
			continue
		}
		if f.Type.Kind() != reflect.String || !slices.Contains(b.ids, param) {
			panic(fmt.Sprintf("httpapi: %s: field %s.%s cannot take the path parameter %q", route, t, f.Name, param))
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		b.path = append(b.path, pathField{index: f.Index, param: param, json: name})
	}
	return b
}

// idParams are the path parameters named id or *_id that the route does not declare
// itself: the OpenAPI document calls them UUIDs (openapi.parameters), so the binder checks them.
func idParams(route Route) []string {
	var ids []string
	for seg := range strings.SplitSeq(route.Path, "/") {
		name, ok := strings.CutPrefix(seg, "{")
		name = strings.TrimSuffix(name, "}")
		if ok && (name == "id" || strings.HasSuffix(name, "_id")) && !declared(route, name) {
			ids = append(ids, name)
		}
	}
	return ids
}

// declared reports whether the route documents the path parameter name itself.
func declared(route Route, name string) bool {
	return slices.ContainsFunc(route.Parameters, func(p openapi.Parameter) bool { return p.In == "path" && p.Name == name })
}

// bind checks the id parameters (first, as a 422 about them comes before the body's),
// reads the body, then fills the path fields. It returns the checked ids by name.
func (b binding[Req]) bind(c *gin.Context) (Req, map[string]string, error) {
	var req Req
	ids := make(map[string]string, len(b.ids))
	for _, name := range b.ids {
		id, err := validate.PathUUID(c, name)
		if err != nil {
			return req, nil, err
		}
		ids[name] = id
	}
	if err := b.decode(c, &req); err != nil {
		return req, nil, err
	}
	v := reflect.ValueOf(&req).Elem()
	for _, f := range b.path {
		v.FieldByIndex(f.index).SetString(ids[f.param])
	}
	return req, ids, nil
}

// decode reads the strict JSON body into req when the route has one. A path field is no
// more part of the body than an unknown field is.
func (b binding[Req]) decode(c *gin.Context, req *Req) error {
	if b.route.Body == nil || (b.route.BodyOptional && c.Request.ContentLength == 0) {
		return nil
	}
	if err := problem.DecodeJSON(c, req, DefaultMaxBodyBytes); err != nil {
		return err
	}
	v := reflect.ValueOf(req).Elem()
	for _, f := range b.path {
		if !v.FieldByIndex(f.index).IsZero() {
			const msg = "is not a known field"
			return &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugUnknownField,
				Detail: fmt.Sprintf("Field %q %s.", f.json, msg), Fields: []problem.FieldError{{Field: f.json, Message: msg}}}
		}
	}
	return nil
}
