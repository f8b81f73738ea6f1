package testenv

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/testcontainers/testcontainers-go"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"

	"tickup.dev/pkg/db"
)

// find settles which PostgreSQL server this test binary uses.
func (s *pgState) find() {
	url := os.Getenv("TICKUP_TEST_DATABASE_URL")
	if url == "" {
		url = DefaultAdminURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sqlDB, err := db.OpenSQL(ctx, url)
	if err == nil {
		_ = sqlDB.Close()
		s.adminURL = url
		return
	}
	if !dockerAnswers() {
		s.err = fmt.Errorf("no PostgreSQL for the tests: %s is unreachable (%v) and no Docker daemon answers for testcontainers.\n"+
			"  Provide one: start the local server (pg_ctlcluster 15 main start, or apt-get install postgresql),\n"+
			"  or set TICKUP_TEST_DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/postgres (a superuser), or start Docker", db.Redact(url), err)
		return
	}
	s.adminURL, s.stop, s.err = startContainer()
}

func dockerAnswers() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	provider, err := testcontainers.ProviderDefault.GetProvider()
	if err != nil {
		return false
	}
	defer provider.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return provider.Health(ctx) == nil
}

func startContainer() (string, func(), error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, err := tcpostgres.Run(ctx, "postgres:16-alpine",
		tcpostgres.WithDatabase("postgres"), tcpostgres.WithUsername("postgres"), tcpostgres.WithPassword("postgres"),
		tcpostgres.BasicWaitStrategies())
	if err != nil {
		return "", nil, fmt.Errorf("start PostgreSQL with testcontainers: %w", err)
	}
	url, err := c.ConnectionString(ctx, "sslmode=disable")
	if err != nil {
		_ = testcontainers.TerminateContainer(c)
		return "", nil, fmt.Errorf("testcontainers PostgreSQL address: %w", err)
	}
	return url, func() { _ = testcontainers.TerminateContainer(c) }, nil
}
