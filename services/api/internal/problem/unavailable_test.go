package problem

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestAnUnreachableDatabaseIsA503WithRetryAfter uses the errors the driver really returns:
// a refused connection (nothing listens on the port), and the server's shutdown codes.
func TestAnUnreachableDatabaseIsA503WithRetryAfter(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, refused := pgx.Connect(ctx, "postgresql://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if refused == nil {
		t.Fatal("connected to port 1")
	}
	for name, err := range map[string]error{
		"refused":       fmt.Errorf("load purchase: %w", refused),
		"admin restart": &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"},
		"starting up":   &pgconn.PgError{Code: "57P03", Message: "the database system is starting up"},
	} {
		gin.SetMode(gin.TestMode)
		w := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(w)
		c.Request = httptest.NewRequest(http.MethodPost, "/api/v1/purchases", nil)
		Write(c, FromError(err))
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != retryAfterSeconds {
			t.Errorf("%s: %d, Retry-After %q; want 503 with Retry-After", name, w.Code, w.Header().Get("Retry-After"))
		}
	}
	if p := FromError(&pgconn.PgError{Code: "23505"}); p.Status != http.StatusInternalServerError {
		t.Errorf("a unique violation became %d: only unavailability is a 503", p.Status)
	}
}
