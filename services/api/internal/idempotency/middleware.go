package idempotency

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// Header names.
const (
	Header         = "Idempotency-Key"
	HeaderReplayed = "Idempotent-Replayed"
	MaxKeyLength   = 255
)

// keptHeaders are the response headers a replay repeats.
var keptHeaders = []string{"Content-Type", "Location"}

// Middleware returns the gin middleware, placed after authentication: a request without
// the header, or without a caller, passes untouched.
func Middleware(store *Store, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		key := c.GetHeader(Header)
		caller, ok := auth.FromContext(c)
		if key == "" || !ok {
			c.Next()
			return
		}
		if !validKey(key) {
			problem.Fail(c, log, &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
				Detail: "Idempotency-Key must be 1 to 255 visible ASCII characters.",
				Fields: []problem.FieldError{{Field: Header, Message: "must be 1 to 255 visible ASCII characters"}}})
			return
		}
		hash, err := hashRequest(c)
		if err != nil {
			problem.Fail(c, log, err)
			return
		}
		scope := keyScope(caller)
		outcome, stored, err := store.Begin(c.Request.Context(), scope, key, hash)
		if err != nil {
			problem.Fail(c, log, err)
			return
		}
		answer(c, log, outcome, stored, func() { run(c, log, store, scope, key) })
	}
}

// serviceScope holds the keys of a service key that names no user (Supabase's
// service_role key): the nil UUID, which no user has.
const serviceScope = "00000000-0000-0000-0000-000000000000"

// keyScope is whose keys a caller's Idempotency-Key lives among.
func keyScope(caller auth.Identity) string {
	if caller.UserID == "" {
		return serviceScope
	}
	return caller.UserID
}

// answer acts on Begin's outcome.
func answer(c *gin.Context, log *slog.Logger, outcome Outcome, stored Stored, claimed func()) {
	switch outcome {
	case Claimed:
		claimed()
	case Replay:
		replay(c, stored)
	case Mismatch:
		problem.Fail(c, log, problem.NewError(problem.KindUnprocessable, problem.SlugIdempotencyKeyReuse,
			"This Idempotency-Key was used for a different request; use a new key for a new request."))
	case InFlight:
		c.Header("Retry-After", "1")
		problem.Fail(c, log, problem.NewError(problem.KindConflict, problem.SlugIdempotencyInFlight,
			"A request with this Idempotency-Key is still being processed; retry shortly."))
	}
}

// run executes the claimed request and keeps its answer, or releases the key when the
// answer is a 5xx or the handler panicked.
func run(c *gin.Context, log *slog.Logger, store *Store, userID, key string) {
	rec := &recorder{ResponseWriter: c.Writer}
	c.Writer = rec
	ctx := context.WithoutCancel(c.Request.Context()) // the client hanging up must not strand the key
	kept := false
	defer func() {
		if !kept {
			if err := store.Release(ctx, userID, key); err != nil {
				log.ErrorContext(ctx, "release idempotency key", "err", err, "request_id", problem.RequestIDFrom(ctx))
			}
		}
	}()
	c.Next()
	if rec.Status() >= http.StatusInternalServerError {
		return
	}
	st := Stored{Status: rec.Status(), Headers: map[string]string{}, Body: rec.body.Bytes()}
	for _, h := range keptHeaders {
		if v := rec.Header().Get(h); v != "" {
			st.Headers[h] = v
		}
	}
	if err := store.Complete(ctx, userID, key, st); err != nil {
		log.ErrorContext(ctx, "keep idempotent answer", "err", err, "request_id", problem.RequestIDFrom(ctx))
		return
	}
	kept = true
}

// replay writes a stored answer.
func replay(c *gin.Context, st Stored) {
	for k, v := range st.Headers {
		c.Header(k, v)
	}
	c.Header(HeaderReplayed, "true")
	c.Abort()
	c.Writer.WriteHeader(st.Status)
	c.Writer.WriteHeaderNow()
	_, _ = c.Writer.Write(st.Body) // the client has gone if this fails
}

// hashRequest reads the body (restoring it for the handler) and hashes method, URI and
// body. A body past the size limit is a 413 problem.
func hashRequest(c *gin.Context) ([]byte, error) {
	var body []byte
	if c.Request.Body != nil {
		var err error
		if body, err = io.ReadAll(c.Request.Body); err != nil {
			return nil, err // *http.MaxBytesError becomes a 413 in problem.FromError
		}
	}
	c.Request.Body = io.NopCloser(bytes.NewReader(body))
	h := sha256.New()
	h.Write([]byte(c.Request.Method + " " + c.Request.URL.RequestURI() + "\n"))
	h.Write(body)
	return h.Sum(nil), nil
}

// validKey accepts 1 to MaxKeyLength visible ASCII characters.
func validKey(key string) bool {
	if len(key) > MaxKeyLength {
		return false
	}
	for i := range len(key) {
		if key[i] < 0x21 || key[i] > 0x7e {
			return false
		}
	}
	return true
}
