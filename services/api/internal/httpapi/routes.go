package httpapi

import (
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/openapi"
)

// Module is one resource of the API (users, prizes, pools, …); Register adds its routes.
type Module interface {
	Register(r *Routes)
}

// Routes adds documented routes under a prefix.
type Routes struct {
	router *Router
	prefix string
	group  *gin.RouterGroup
}

// Route declares one endpoint: where it is, who may call it, and what the OpenAPI document
// says about it. Path is an OpenAPI template relative to the group ("/users/{user_id}").
type Route struct {
	Method      string
	Path        string
	Access      Access
	Summary     string
	Description string
	Tags        []string
	Parameters  []openapi.Parameter // query and header parameters (paging.Parameters(), …)
	Body        any                 // a value of the JSON request body's type; nil for none
	Responses   []openapi.Response  // success answers
	Problems    []int               // problem statuses the handler itself answers
	QueryToken  bool                // also accept the token as ?access_token= (EventSource cannot send headers)

	NoBody       bool // Handle: a POST, PUT or PATCH without a body
	BodyOptional bool // Handle: the body may be left out
}

// Mount registers modules on r.
func (r *Routes) Mount(modules ...Module) {
	for _, m := range modules {
		m.Register(r)
	}
}

// Middlewares are the shared middleware, for a module that composes a chain by hand.
func (r *Routes) Middlewares() Middlewares { return r.router.mw }

// Document is the OpenAPI document, for a module that adds tags or schemas.
func (r *Routes) Document() *openapi.Document { return r.router.doc }

// Handle registers route with the middleware its access level and method call for, then
// handlers, and documents it. A route declared twice is a programming error: it panics,
// as gin does.
func (r *Routes) Handle(route Route, handlers ...gin.HandlerFunc) {
	chain := append(r.router.mw.chain(route), handlers...)
	r.group.Handle(route.Method, ginPath(route.Path), chain...)
	if err := r.router.doc.Add(route.Method, r.prefix+route.Path, route.spec()); err != nil {
		panic(err)
	}
}

// ginPath turns an OpenAPI template into gin's syntax: /users/{user_id} → /users/:user_id.
func ginPath(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if name, ok := strings.CutPrefix(s, "{"); ok {
			segs[i] = ":" + strings.TrimSuffix(name, "}")
		}
	}
	return strings.Join(segs, "/")
}

// isWrite reports whether method changes state.
func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// String names the route in messages.
func (route Route) String() string { return fmt.Sprintf("%s %s", route.Method, route.Path) }

// StaticFS serves the files of fsys under path (GET and HEAD). Static assets are the one
// kind of route the OpenAPI document leaves out.
func (r *Routes) StaticFS(path string, fsys fs.FS) {
	r.group.StaticFS(path, http.FS(fsys))
}
