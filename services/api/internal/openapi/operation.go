package openapi

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// JSON and problem media types.
const (
	mediaJSON    = "application/json"
	mediaProblem = "application/problem+json"
)

// operation renders s; the caller holds d.mu.
func (d *Document) operation(method, path string, s Spec) *Operation {
	op := &Operation{
		OperationID: s.OperationID, Summary: s.Summary, Description: s.Description, Tags: s.Tags,
		Parameters: parameters(path, s.Parameters), Responses: map[string]*Answer{},
	}
	if op.OperationID == "" {
		op.OperationID = operationID(method, path)
	}
	switch s.Auth {
	case AuthRequired:
		op.Security = []map[string][]string{{BearerScheme: {}}}
	case AuthOptional:
		op.Security = []map[string][]string{{}, {BearerScheme: {}}}
	}
	if s.Body != nil {
		_, lenient := s.Body.(LenientBody)
		schema := d.gen.schema(reflect.TypeOf(s.Body), !lenient)
		op.RequestBody = &RequestBody{Required: true, Content: map[string]MediaType{mediaJSON: {schema}}}
	}
	for _, r := range s.Responses {
		op.Responses[strconv.Itoa(r.Status)] = d.answer(r)
	}
	for _, status := range s.Problems {
		if _, ok := op.Responses[strconv.Itoa(status)]; !ok {
			op.Responses[strconv.Itoa(status)] = d.problemAnswer(status)
		}
	}
	return op
}

// answer renders a success response.
func (d *Document) answer(r Response) *Answer {
	a := &Answer{Description: r.Description}
	if a.Description == "" {
		a.Description = http.StatusText(r.Status)
	}
	switch {
	case r.Body != nil:
		a.Content = map[string]MediaType{mediaJSON: {d.gen.schema(reflect.TypeOf(r.Body), false)}}
	case r.ContentType != "":
		a.Content = map[string]MediaType{r.ContentType: {String("")}}
	}
	for _, name := range r.Headers {
		if a.Headers == nil {
			a.Headers = map[string]HeaderDoc{}
		}
		a.Headers[name] = headerDoc(name)
	}
	return a
}

// problemAnswer renders an RFC 9457 problem response.
func (d *Document) problemAnswer(status int) *Answer {
	a := &Answer{Description: http.StatusText(status) + " (problem details)",
		Content: map[string]MediaType{mediaProblem: {d.gen.schema(d.problemType(), false)}}}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		a.Headers = map[string]HeaderDoc{"Retry-After": headerDoc("Retry-After")}
	}
	return a
}

// parameters derives the path parameters of path and adds the declared ones.
func parameters(path string, declared []Parameter) []Parameter {
	var out []Parameter
	have := map[string]bool{}
	for _, p := range declared {
		if p.In == "path" {
			have[p.Name] = true
		}
	}
	for seg := range strings.SplitSeq(path, "/") {
		name, ok := strings.CutPrefix(seg, "{")
		if !ok || have[strings.TrimSuffix(name, "}")] {
			continue
		}
		name = strings.TrimSuffix(name, "}")
		schema := String("")
		if name == "id" || strings.HasSuffix(name, "_id") {
			schema = String("uuid")
		}
		out = append(out, Parameter{Name: name, In: "path", Required: true, Schema: schema})
	}
	return append(out, declared...)
}

// operationID derives an id such as getUsersByUserId from GET /api/v1/users/{user_id}.
func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	path = strings.TrimPrefix(path, "/api/v1")
	for seg := range strings.SplitSeq(path, "/") {
		if name, ok := strings.CutPrefix(seg, "{"); ok {
			b.WriteString("By")
			seg = strings.TrimSuffix(name, "}")
		}
		for word := range strings.FieldsFuncSeq(seg, func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
			b.WriteString(upperFirst(word))
		}
	}
	return b.String()
}
