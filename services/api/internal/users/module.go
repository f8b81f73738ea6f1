package users

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// tag groups the routes in the documentation.
const tag = "users"

// Module serves /users.
type Module struct {
	store *Store
	log   *slog.Logger
}

// NewModule returns the /users module.
func NewModule(store *Store, log *slog.Logger) *Module {
	return &Module{store: store, log: log}
}

// Register adds the /users routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Who is calling, and admin seeding of users.")
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/users/me", Access: httpapi.User, Tags: []string{tag},
		Summary:   "The caller's own user record",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: User{}}}, Problems: []int{http.StatusNotFound},
	}, m.me)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/users", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "List users, oldest first (admin)", Parameters: paging.Parameters(),
		Responses: []openapi.Response{{Status: http.StatusOK, Body: paging.List[User]{}}},
	}, m.list)
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/users", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Seed a user (admin)", Body: createRequest{},
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: User{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusConflict},
	}, m.create)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/users/{id}", Access: httpapi.Admin, Tags: []string{tag},
		Summary:   "Get a user (admin)",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: User{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.get)
}

// me answers GET /users/me, recording the caller first if the tracker has not yet.
func (m *Module) me(c *gin.Context) {
	ctx := c.Request.Context()
	id, _ := auth.FromContext(c)
	if id.UserID == "" {
		problem.Fail(c, m.log, problem.NewError(problem.KindNotFound, "", "The service key names no user."))
		return
	}
	u, err := m.store.Get(ctx, id.UserID)
	if errors.Is(err, ErrNotFound) {
		if err = m.store.Touch(ctx, id); err == nil {
			u, err = m.store.Get(ctx, id.UserID)
		}
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, u)
}

// list answers GET /users.
func (m *Module) list(c *gin.Context) {
	page, err := paging.FromQuery(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	var after keyset
	ok, err := page.After(&after)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	var from *keyset
	if ok {
		from = &after
	}
	rows, err := m.store.List(c.Request.Context(), from, page.Limit+1)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	out, err := paging.NewList(rows, page, func(u User) keyset { return keyset{u.CreatedAt, u.UserID} })
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// create answers POST /users.
func (m *Module) create(c *gin.Context) {
	var req createRequest
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	userID, err := newUserID(req)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	u, err := m.store.Create(c.Request.Context(), userID, req.Email)
	if errors.Is(err, ErrExists) {
		err = problem.NewError(problem.KindConflict, "user-exists", "A user with this user_id already exists.")
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.Header("Location", c.FullPath()+"/"+u.UserID)
	c.JSON(http.StatusCreated, u)
}

// newUserID validates a create request and returns the id of the user to create.
func newUserID(req createRequest) (string, error) {
	var chk validate.Checker
	if chk.Required("email", req.Email) {
		chk.Email("email", req.Email)
	}
	if req.UserID != nil {
		chk.UUID("user_id", *req.UserID)
	}
	if err := chk.Err(); err != nil {
		return "", err
	}
	if req.UserID != nil {
		return strings.ToLower(*req.UserID), nil
	}
	id, err := uuid.NewV7()
	return id.String(), err
}

// get answers GET /users/{user_id}.
func (m *Module) get(c *gin.Context) {
	userID, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	u, err := m.store.Get(c.Request.Context(), userID)
	if errors.Is(err, ErrNotFound) {
		err = problem.NewError(problem.KindNotFound, "", "No user has this id.")
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, u)
}
