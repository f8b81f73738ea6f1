// Package apitest is what the whole-system tests (module tickup.dev/e2e) need from the API
// gateway beyond its HTTP API and api.MintToken: a headless Chromium on the public draw page.
// It stays this small on purpose; every other need of a test goes through the HTTP API.
package apitest

import (
	"testing"

	"tickup.dev/services/api/internal/drawpage/drawpagetest"
)

// Browser is one headless Chromium tab: Open a draw page, then Verify a proof in it.
type Browser = drawpagetest.Browser

// VerifyResult is what the draw page said after "Verify in your browser".
type VerifyResult = drawpagetest.Result

// StartBrowser launches Chromium for t and closes it when t ends; without Chromium the test
// is skipped, except under CI=true, where it fails.
func StartBrowser(t testing.TB) *Browser { return drawpagetest.Start(t) }
