package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/rpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/openapi"
)

// renameRequest is a contract-like request: the thing's id from the path, a name from the body.
type renameRequest struct {
	ThingID string `json:"thing_id" path:"id"`
	Name    string `json:"name"`
}

// thing is a contract-like answer.
type thing struct {
	ThingID string    `json:"thing_id"`
	Name    string    `json:"name"`
	At      time.Time `json:"at"`
	Caller  string    `json:"caller"`
}

// bindRouter serves PUT /things/{id} (renames, or refuses the name "taken" as the service
// would), POST /things (201 with Location) and DELETE /things/{id} (204), as the user u.
func bindRouter(t *testing.T) *Router {
	t.Helper()
	asUser := func(c *gin.Context) {
		c.Request = c.Request.WithContext(auth.WithIdentity(c.Request.Context(), auth.Identity{UserID: "u", Role: auth.RoleUser}))
	}
	r, err := New(Config{Log: slog.New(slog.DiscardHandler), Middlewares: Middlewares{Authenticate: asUser, AuthenticateOptional: asUser}})
	if err != nil {
		t.Fatal(err)
	}
	g := r.Group("/v1")
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))
	Handle(g, Route{Method: http.MethodPut, Path: "/things/{id}", Access: User},
		func(_ context.Context, call *Call, req renameRequest) (thing, error) {
			if req.Name == "taken" {
				return thing{}, &rpc.Problem{Type: "https://tickup.dev/problems/name-taken", Status: http.StatusConflict, Detail: "Taken."}
			}
			return thing{ThingID: req.ThingID, Name: req.Name, At: at, Caller: call.Caller.UserID}, nil
		})
	Handle(g, Route{Method: http.MethodPost, Path: "/things", Access: User,
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: thing{}, Headers: []string{"Location"}}}},
		func(_ context.Context, call *Call, req struct {
			Name string `json:"name"`
		}) (thing, error) {
			call.Created("t1")
			return thing{ThingID: "t1", Name: req.Name}, nil
		})
	Handle(g, Route{Method: http.MethodDelete, Path: "/things/{id}", Access: User,
		Responses: []openapi.Response{{Status: http.StatusNoContent}}},
		func(context.Context, *Call, renameRequest) (struct{}, error) { return struct{}{}, nil })
	return r
}

func TestHandleBindsPathBodyAndCaller(t *testing.T) {
	t.Parallel()
	r := bindRouter(t)
	const id = "0190A7E2-0000-7000-8000-000000000001"
	tests := []struct {
		method, path, body string
		status             int
		want               string // in the answer
	}{
		{http.MethodPut, "/v1/things/" + id, `{"name":"n"}`, http.StatusOK,
			`{"thing_id":"` + strings.ToLower(id) + `","name":"n","at":"2026-01-02T02:04:05Z","caller":"u"}`},
		{http.MethodPut, "/v1/things/nope", `{"name":"n"}`, http.StatusUnprocessableEntity, `"field":"id"`},
		{http.MethodPut, "/v1/things/" + id, `{"name":"n","thing_id":"x"}`, http.StatusUnprocessableEntity, `unknown-field`},
		{http.MethodPut, "/v1/things/" + id, `{"name":"n","other":1}`, http.StatusUnprocessableEntity, `unknown-field`},
		{http.MethodPut, "/v1/things/" + id, `{"name":`, http.StatusBadRequest, `malformed-json`},
		{http.MethodPut, "/v1/things/" + id, `{"name":"taken"}`, http.StatusConflict, `"detail":"Taken."`},
		{http.MethodPost, "/v1/things", `{"name":"n"}`, http.StatusCreated, `"thing_id":"t1"`},
		{http.MethodDelete, "/v1/things/" + id, ``, http.StatusNoContent, ``},
	}
	for _, tc := range tests {
		rec := httptest.NewRecorder()
		r.Handler().ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body)))
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s %s %s: %d %s, want %d with %s", tc.method, tc.path, tc.body, rec.Code, rec.Body, tc.status, tc.want)
		}
		if tc.status == http.StatusCreated && rec.Header().Get("Location") != "/v1/things/t1" {
			t.Errorf("Location %q", rec.Header().Get("Location"))
		}
	}
}

func TestHandleDocumentsItsTypes(t *testing.T) {
	t.Parallel()
	r := bindRouter(t)
	raw, err := json.Marshal(r.Document())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths      map[string]map[string]json.RawMessage
		Components struct{ Schemas map[string]openapi.Schema }
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	body := doc.Components.Schemas["HttpapiRenameRequest"]
	if _, ok := body.Properties["thing_id"]; ok || body.Properties["name"] == nil {
		t.Errorf("request body schema %+v: want name and no path field", body.Properties)
	}
	if _, ok := doc.Components.Schemas["HttpapiThing"]; !ok {
		t.Error("the answer's type is not documented")
	}
	if del := string(doc.Paths["/v1/things/{id}"]["delete"]); strings.Contains(del, "requestBody") {
		t.Errorf("DELETE documents a body: %s", del)
	}
}
