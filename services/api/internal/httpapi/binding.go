package httpapi

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// binding reads one route's input into a Req: its path parameters and its JSON body.
type binding[Req any] struct {
	route Route
	path  []pathField
}

// pathField is a Req field filled from the path parameter param; json is its body name.
type pathField struct {
	index       []int
	param, json string
}

// newBinding finds Req's path fields; a field naming a parameter the route's path does not
// have, or a field that is not a string, is a programming error.
func newBinding[Req any](route Route) binding[Req] {
	b := binding[Req]{route: route}
	t := reflect.TypeFor[Req]()
	if t.Kind() != reflect.Struct {
		return b
	}
	for _, f := range reflect.VisibleFields(t) {
		param := f.Tag.Get("path")
		if param == "" {
			continue
		}
		if f.Type.Kind() != reflect.String || !strings.Contains(route.Path, "{"+param+"}") {
			panic(fmt.Sprintf("httpapi: %s: field %s.%s cannot take the path parameter %q", route, t, f.Name, param))
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		b.path = append(b.path, pathField{index: f.Index, param: param, json: name})
	}
	return b
}

// bind reads the path parameters (first, as a 422 about them comes before the body's),
// then the body.
func (b binding[Req]) bind(c *gin.Context) (Req, error) {
	var req Req
	ids := make([]string, len(b.path))
	for i, f := range b.path {
		id, err := validate.PathUUID(c, f.param)
		if err != nil {
			return req, err
		}
		ids[i] = id
	}
	if err := b.decode(c, &req); err != nil {
		return req, err
	}
	v := reflect.ValueOf(&req).Elem()
	for i, f := range b.path {
		v.FieldByIndex(f.index).SetString(ids[i])
	}
	return req, nil
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
