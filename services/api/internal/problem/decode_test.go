package problem

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

type order struct {
	Name   string   `json:"name"`
	Amount int      `json:"amount_cents"`
	Tags   []string `json:"tags"`
	Inner  struct {
		X int `json:"x"`
	} `json:"inner"`
}

func TestDecodeJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		body   string
		status int
		slug   string
		field  string
	}{
		{name: "valid", body: `{"name":"a","amount_cents":5}`, status: http.StatusOK},
		{name: "valid with spaces after", body: "{\"name\":\"a\"}\n \n", status: http.StatusOK},
		{name: "empty body", body: "", status: 400, slug: SlugMalformedJSON},
		{name: "syntax error", body: `{"name" "a"}`, status: 400, slug: SlugMalformedJSON},
		{name: "truncated", body: `{"name":`, status: 400, slug: SlugMalformedJSON},
		{name: "unknown field", body: `{"name":"a","extra":1}`, status: 422, slug: SlugUnknownField, field: "extra"},
		{name: "wrong type", body: `{"amount_cents":"5"}`, status: 422, slug: SlugValidation, field: "amount_cents"},
		{name: "wrong nested type", body: `{"inner":{"x":"a"}}`, status: 422, slug: SlugValidation, field: "inner.x"},
		{name: "array for object", body: `[1]`, status: 422, slug: SlugValidation, field: "(body)"},
		{name: "too large", body: `{"name":"` + strings.Repeat("a", 100) + `"}`, status: 413, slug: SlugBodyTooLarge},
		{name: "trailing value", body: `{} {}`, status: 400, slug: SlugMalformedJSON},
		{name: "trailing garbage", body: `{}x`, status: 400, slug: SlugMalformedJSON},
		{name: "trailing past limit", body: `{}` + strings.Repeat(" ", 70) + `1`, status: 413, slug: SlugBodyTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			engine, log, _ := newEngine(t)
			engine.POST("/orders", func(c *gin.Context) {
				var o order
				if err := DecodeJSON(c, &o, 64); err != nil {
					Fail(c, log, err)
					return
				}
				c.JSON(http.StatusOK, o)
			})
			rec := serve(engine, http.MethodPost, "/orders", tc.body, nil)
			if tc.status == http.StatusOK {
				if rec.Code != http.StatusOK {
					t.Fatalf("status = %d, body %s", rec.Code, rec.Body)
				}
				return
			}
			p := readProblem(t, rec, tc.status, tc.slug)
			if p.Instance != "/orders" || p.Detail == "" {
				t.Errorf("problem = %+v, want instance and detail", p)
			}
			if tc.field == "" {
				return
			}
			if len(p.Errors) != 1 || p.Errors[0].Field != tc.field || p.Errors[0].Message == "" {
				t.Errorf("errors = %+v, want one naming %q", p.Errors, tc.field)
			}
		})
	}
}

func TestDecodeJSONBadTarget(t *testing.T) {
	t.Parallel()
	engine, log, logs := newEngine(t)
	engine.POST("/bad", func(c *gin.Context) {
		var o order
		Fail(c, log, DecodeJSON(c, o, 64)) // not a pointer: the handler's bug
	})
	rec := serve(engine, http.MethodPost, "/bad", `{}`, nil)
	readProblem(t, rec, http.StatusInternalServerError, SlugInternal)
	if !strings.Contains(logs.String(), "decode request body") {
		t.Errorf("log %q lacks the cause", logs)
	}
}
