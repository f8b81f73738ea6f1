package httpapi

import (
	"net/http"
	"strings"

	"tickup.dev/services/api/internal/idempotency"
	"tickup.dev/services/api/internal/openapi"
)

// spec documents route, adding the problems and parameters its middleware brings.
func (route Route) spec() openapi.Spec {
	s := openapi.Spec{
		Summary: route.Summary, Description: route.Description, Tags: route.Tags,
		Parameters: append([]openapi.Parameter(nil), route.Parameters...),
		Body:       route.Body, Responses: route.Responses,
		Problems: append([]int(nil), route.Problems...),
	}
	switch route.Access {
	case Public:
		s.Auth = openapi.AuthOptional
		s.Problems = append(s.Problems, http.StatusUnauthorized, http.StatusServiceUnavailable)
	case User:
		s.Auth = openapi.AuthRequired
		s.Problems = append(s.Problems, http.StatusUnauthorized, http.StatusServiceUnavailable)
	case Admin, ServiceOrAdmin:
		s.Auth = openapi.AuthRequired
		s.Problems = append(s.Problems, http.StatusUnauthorized, http.StatusForbidden, http.StatusServiceUnavailable)
	}
	if strings.Contains(route.Path, "_id}") || strings.Contains(route.Path, "{id}") || len(route.Parameters) > 0 {
		s.Problems = append(s.Problems, http.StatusUnprocessableEntity) // a malformed id or query value
	}
	if route.Body != nil {
		s.Problems = append(s.Problems, http.StatusBadRequest, http.StatusUnprocessableEntity)
	}
	limited := route.Access != Webhook && route.Access != Open
	if isWrite(route.Method) {
		s.Problems = append(s.Problems, http.StatusRequestEntityTooLarge)
	}
	if limited && (isWrite(route.Method) || route.Method == http.MethodGet) {
		s.Problems = append(s.Problems, http.StatusTooManyRequests)
	}
	if isMoneyRoute(route) {
		s.Problems = append(s.Problems, http.StatusForbidden) // an anonymous sign-in
	}
	if route.Method == http.MethodPost && route.Access.authenticated() {
		s.Parameters = append(s.Parameters, idempotencyKeyParam())
		s.Problems = append(s.Problems, http.StatusConflict, http.StatusUnprocessableEntity)
	}
	if route.QueryToken {
		s.Parameters = append(s.Parameters, openapi.Query("access_token",
			"The access token, for clients such as EventSource that cannot send an Authorization header.", openapi.String("")))
	}
	s.Problems = append(s.Problems, http.StatusInternalServerError)
	return s
}

// idempotencyKeyParam documents the Idempotency-Key header.
func idempotencyKeyParam() openapi.Parameter {
	p := openapi.Header(idempotency.Header,
		"Makes the request safe to retry: the same key with the same body replays the first answer "+
			"(with Idempotent-Replayed: true) for 24 hours; with another body it is refused (422); "+
			"while the first request is still running it is refused (409).",
		&openapi.Schema{Type: "string", MinLength: intPtr(1), MaxLength: intPtr(idempotency.MaxKeyLength)})
	return p
}

func intPtr(v int) *int { return &v }
