package httpapi

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
)

// Call is what a bound handler knows of its request besides the decoded input.
type Call struct {
	Caller   auth.Identity // the token's identity; zero for an anonymous caller
	SignedIn bool
	gin      *gin.Context
	ids      map[string]string
	location string
}

// Path returns the path parameter name: an id parameter checked and lower-cased.
func (c *Call) Path(name string) string {
	if id, ok := c.ids[name]; ok {
		return id
	}
	return c.gin.Param(name)
}

// Query returns the query parameter name and whether it was sent.
func (c *Call) Query(name string) (string, bool) { return c.gin.GetQuery(name) }

// Page reads ?limit= and ?cursor= (a 422 naming the parameter when bad).
func (c *Call) Page() (paging.Page, error) { return paging.FromQuery(c.gin) }

// Cursor is the raw ?cursor=, for a list whose service issued (and checks) the cursor.
func (c *Call) Cursor() string { return c.gin.Query("cursor") }

// Created sets the Location of the resource a 201 answer created: the route's path and id.
func (c *Call) Created(id string) { c.location = c.gin.FullPath() + "/" + id }

// Handle registers route with fn as its handler, documented from its types. The binder
// checks the path's id parameters (a UUID, lower-cased, or a 422 naming it; Call.Path
// returns them) and fills the Req fields tagged path:"name" with them, decodes a POST, PUT or PATCH body strictly into Req (unless route.NoBody;
// none need be sent when route.BodyOptional), calls fn with the caller, and answers fn's value
// with the route's first response status (200 unless route.Responses says otherwise; a 204
// has no body) or fn's error as its problem (a service's refusal keeps its status, type and
// detail). The body is documented as Req (path fields left out), the answer as Resp unless
// route.Responses says otherwise.
func Handle[Req, Resp any](r *Routes, route Route, fn func(ctx context.Context, call *Call, req Req) (Resp, error)) {
	route.Body = nil
	if hasBody(route.Method) && !route.NoBody {
		route.Body = *new(Req)
	}
	in := newBinding[Req](route)
	if len(route.Responses) == 0 {
		route.Responses = []openapi.Response{{Status: http.StatusOK, Body: *new(Resp)}}
	}
	status, log := route.Responses[0].Status, r.router.log
	r.Handle(route, func(c *gin.Context) {
		req, ids, err := in.bind(c)
		if err != nil {
			problem.Fail(c, log, err)
			return
		}
		call := &Call{gin: c, ids: ids}
		call.Caller, call.SignedIn = auth.FromContext(c)
		resp, err := fn(c.Request.Context(), call, req)
		if err != nil {
			problem.Fail(c, log, problem.FromRPC(err))
			return
		}
		answer(c, call, status, resp)
	})
}

// answer writes resp with status, its times in UTC.
func answer[Resp any](c *gin.Context, call *Call, status int, resp Resp) {
	if call.location != "" {
		c.Header("Location", call.location)
	}
	if status == http.StatusNoContent {
		c.Status(status)
		return
	}
	JSON(c, status, resp)
}

// JSON writes v with status, its times in UTC, for a handler that answers by hand.
func JSON[T any](c *gin.Context, status int, v T) {
	inUTC(&v)
	c.JSON(status, v)
}

// hasBody reports whether requests of method carry a JSON body.
func hasBody(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch
}

// Forward is a Handle function that passes the bound request as it is to call, a service's
// endpoint (rpc.Endpoint.Bind).
func Forward[Req, Resp any](call func(context.Context, Req) (Resp, error)) func(context.Context, *Call, Req) (Resp, error) {
	return func(ctx context.Context, _ *Call, req Req) (Resp, error) { return call(ctx, req) }
}
