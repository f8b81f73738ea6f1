package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// response is an answer as a test sees it.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// do sends a request (body: nil, a raw string, or a value to marshal; headers: name,
// value pairs) and checks the answer against the OpenAPI document.
func (g *gateway) do(t *testing.T, method, path, token string, body any, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, g.base+path, bodyReader(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	r := response{Status: resp.StatusCode, Header: resp.Header, Body: data}
	if err := g.spec.validate(req, r); err != nil {
		t.Errorf("%s %s → %d does not match the OpenAPI document: %v\nbody: %s", method, path, r.Status, err, data)
	}
	return r
}

// bodyReader encodes a request body.
func bodyReader(t *testing.T, body any) io.Reader {
	t.Helper()
	switch b := body.(type) {
	case nil:
		return nil
	case string:
		return strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		return strings.NewReader(string(data))
	}
}

// decode unmarshals the body after checking the status.
func (r response) decode(t *testing.T, status int, dst any) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d; body %s", r.Status, status, r.Body)
	}
	if err := json.Unmarshal(r.Body, dst); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// problem checks that the answer is a problem of status and slug carrying the request id.
func (r response) problem(t *testing.T, status int, slug string) Problem {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != problemContentType {
		t.Fatalf("Content-Type = %q, want %q (status %d, body %s)", ct, problemContentType, r.Status, r.Body)
	}
	var p Problem
	r.decode(t, status, &p)
	if p.Type != problemTypeBase+slug || p.Status != status || p.Title == "" {
		t.Fatalf("problem = %+v, want type %s, status %d", p, problemTypeBase+slug, status)
	}
	if id := r.Header.Get(headerRequestID); id == "" || p.RequestID != id {
		t.Fatalf("problem request_id %q, header %q", p.RequestID, id)
	}
	return p
}
