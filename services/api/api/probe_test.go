package api

import (
	"errors"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// probeModule is a small resource that only tests mount, plugged in exactly as the real
// modules are: it exercises the truth checks, panics, and flaky 5xx answers.
type probeModule struct {
	log   *slog.Logger
	calls atomic.Int32
}

// probePrice is the price the probe's orders must have, when the client states it.
const probePrice = 500

// orderRequest is the probe's order body.
type orderRequest struct {
	UserID      *string `json:"user_id,omitempty" format:"uuid"`
	AmountCents *int64  `json:"amount_cents,omitempty"`
	Currency    string  `json:"currency" example:"EUR"`
}

// probeOrder is the probe's answer.
type probeOrder struct {
	UserID      string `json:"user_id" format:"uuid"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

func newProbeModule() *probeModule {
	return &probeModule{log: slog.New(slog.DiscardHandler)}
}

func (m *probeModule) Register(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/probe/orders", Access: httpapi.User, Body: orderRequest{},
		Summary:   "Test-only: an order whose user_id and amount_cents are checked against the truth",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: probeOrder{}, Headers: []string{"Location"}}},
		Problems:  []int{http.StatusForbidden},
	}, m.order)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/probe/whoami", Access: httpapi.Public,
		Summary:   "Test-only: who the gateway takes the caller for",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: probeCaller{}}},
	}, whoami)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/probe/panic", Access: httpapi.Public,
		Summary: "Test-only: panics", Responses: []openapi.Response{{Status: http.StatusNoContent}},
	}, func(*gin.Context) { panic("probe: secret internal state") })
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/probe/flaky", Access: httpapi.User,
		Summary:   "Test-only: fails every other call",
		Responses: []openapi.Response{{Status: http.StatusCreated, Body: map[string]int32{}}},
	}, m.flaky)
}

func (m *probeModule) order(c *gin.Context) {
	var req orderRequest
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	caller, _ := auth.FromContext(c)
	userID, err := validate.ActingUser(caller, req.UserID)
	if err == nil {
		err = validate.Matches("amount_cents", req.AmountCents, int64(probePrice))
	}
	var chk validate.Checker
	if chk.Currency("currency", req.Currency); err == nil {
		err = chk.Err()
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.Header("Location", c.FullPath()+"/"+uuid.NewString())
	c.JSON(http.StatusCreated, probeOrder{UserID: userID, AmountCents: probePrice, Currency: req.Currency})
}

// probeCaller is who the gateway takes a caller for.
type probeCaller struct {
	SignedIn  bool   `json:"signed_in"`
	UserID    string `json:"user_id"`
	Role      string `json:"role"`
	Anonymous bool   `json:"anonymous"`
}

func whoami(c *gin.Context) {
	id, ok := auth.FromContext(c)
	c.JSON(http.StatusOK, probeCaller{SignedIn: ok, UserID: id.UserID, Role: string(id.Role), Anonymous: id.Anonymous})
}

func (m *probeModule) flaky(c *gin.Context) {
	n := m.calls.Add(1)
	if n%2 == 1 {
		problem.Fail(c, m.log, errors.New("probe: flaky failure"))
		return
	}
	c.JSON(http.StatusCreated, map[string]int32{"call": n})
}

// token mints an HS256 token of role for user.
func token(t *testing.T, role auth.Role, userID string) string {
	t.Helper()
	tok, err := auth.Mint(testSecret, userID, userID[:8]+"@example.com", role, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// newUser returns a fresh user id and its token.
func newUser(t *testing.T, role auth.Role) (string, string) {
	t.Helper()
	id := uuid.NewString()
	return id, token(t, role, id)
}
