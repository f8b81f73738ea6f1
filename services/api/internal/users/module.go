package users

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/google/uuid"

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
}

// NewModule returns the /users module.
func NewModule(store *Store) *Module {
	return &Module{store: store}
}

// Register adds the /users routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Who is calling, and admin seeding of users.")
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/users/me", Access: httpapi.User, Tags: []string{tag},
		Summary: "The caller's own user record", Problems: []int{http.StatusNotFound},
	}, m.me)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/users", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "List users, oldest first (admin)", Parameters: paging.Parameters(),
	}, m.list)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodPost, Path: "/users", Access: httpapi.Admin, Tags: []string{tag},
		Summary:   "Seed a user (admin)",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: User{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusConflict},
	}, m.create)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/users/{id}", Access: httpapi.Admin, Tags: []string{tag},
		Summary: "Get a user (admin)", Problems: []int{http.StatusNotFound},
	}, m.get)
}

// me answers GET /users/me, recording the caller first if the tracker has not yet.
func (m *Module) me(ctx context.Context, call *httpapi.Call, _ struct{}) (User, error) {
	id := call.Caller
	if id.UserID == "" {
		return User{}, problem.NewError(problem.KindNotFound, "", "The service key names no user.")
	}
	u, err := m.store.Get(ctx, id.UserID)
	if errors.Is(err, ErrNotFound) {
		if err = m.store.Touch(ctx, id); err == nil {
			u, err = m.store.Get(ctx, id.UserID)
		}
	}
	return u, err
}

// list answers GET /users.
func (m *Module) list(ctx context.Context, call *httpapi.Call, _ struct{}) (paging.List[User], error) {
	page, err := call.Page()
	if err != nil {
		return paging.List[User]{}, err
	}
	var after keyset
	ok, err := page.After(&after)
	if err != nil {
		return paging.List[User]{}, err
	}
	var from *keyset
	if ok {
		from = &after
	}
	rows, err := m.store.List(ctx, from, page.Limit+1)
	if err != nil {
		return paging.List[User]{}, err
	}
	return paging.NewList(rows, page, func(u User) keyset { return keyset{u.CreatedAt, u.UserID} })
}

// create answers POST /users.
func (m *Module) create(ctx context.Context, call *httpapi.Call, req createRequest) (User, error) {
	userID, err := newUserID(req)
	if err != nil {
		return User{}, err
	}
	u, err := m.store.Create(ctx, userID, req.Email)
	if errors.Is(err, ErrExists) {
		return u, problem.NewError(problem.KindConflict, "user-exists", "A user with this user_id already exists.")
	}
	call.Created(u.UserID)
	return u, err
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

// get answers GET /users/{id}.
func (m *Module) get(ctx context.Context, call *httpapi.Call, _ struct{}) (User, error) {
	u, err := m.store.Get(ctx, call.Path("id"))
	if errors.Is(err, ErrNotFound) {
		return u, problem.NewError(problem.KindNotFound, "", "No user has this id.")
	}
	return u, err
}
