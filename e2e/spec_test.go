package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// specChecker validates answers against the document the gateway serves, with kin-openapi.
type specChecker struct {
	doc    *openapi3.T
	router routers.Router
}

// loadSpec fetches /openapi.json and checks that it is a valid OpenAPI document.
func loadSpec(t *testing.T, base string) *specChecker {
	t.Helper()
	resp, err := http.Get(base + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /openapi.json: %d %v", resp.StatusCode, err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("route the OpenAPI document: %v", err)
	}
	return &specChecker{doc: doc, router: router}
}

// validate checks an answer: a documented route's answer against its operation (an
// undocumented status fails), anything else (unknown path, wrong method, refused
// preflight) must be a problem.
func (s *specChecker) validate(req *http.Request, r response) error {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		if req.Method == http.MethodOptions && r.Status == http.StatusNoContent {
			return nil // an accepted CORS preflight
		}
		return s.validateProblem(r)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: r.Status, Header: r.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	out.SetBodyBytes(r.Body)
	return openapi3filter.ValidateResponse(context.Background(), out)
}

// validateProblem checks a body against the Problem schema.
func (s *specChecker) validateProblem(r response) error {
	schema := s.doc.Components.Schemas["Problem"]
	if schema == nil {
		return fmt.Errorf("the document has no Problem schema")
	}
	var v any
	if err := json.Unmarshal(r.Body, &v); err != nil {
		return fmt.Errorf("problem body: %w", err)
	}
	return schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020())
}
