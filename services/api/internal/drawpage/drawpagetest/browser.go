// Package drawpagetest drives the draw page in headless Chromium (Debian's package) through
// the DevTools protocol, for the tests of the page and of the gateway.
package drawpagetest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// actionTimeout bounds each step in the browser: loading, verifying, reading.
const actionTimeout = 60 * time.Second

// Browser is one headless Chromium tab.
type Browser struct {
	ctx context.Context
}

// Start launches Chromium for t and closes it when t ends. Without Chromium the test is
// skipped with the reason, except under CI=true, where the browser test must run: it fails.
func Start(t testing.TB) *Browser {
	t.Helper()
	if reason, fail := unavailable(ChromiumPath, os.Getenv("CI") == "true"); fail {
		t.Fatal(reason)
	} else if reason != "" {
		t.Skip(reason)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(ChromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(960, 1200))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", ChromiumPath, err)
	}
	return &Browser{ctx: ctx}
}

// unavailable says why no browser test can run with Chromium at path ("" when one can),
// and whether that fails the test (in CI, which must run it) rather than skipping it.
func unavailable(path string, ci bool) (reason string, fail bool) {
	if _, err := os.Stat(path); err != nil {
		return fmt.Sprintf("the browser test needs Chromium at %s (%v): apt-get install -y chromium (.ci/run does)", path, err), ci
	}
	return "", false
}

// run runs action with a deadline and returns its value.
func run[T any](b *Browser, what string, action chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		return v, fmt.Errorf("browser: %s: %w", what, err)
	}
	return v, nil
}

// Open loads url and waits for the page's main element.
func (b *Browser) Open(url string) error {
	_, err := run(b, "open "+url, chromedp.Steps(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("#draw"))))
	return err
}

// Text is the text content of the first element matching the CSS selector.
func (b *Browser) Text(selector string) (string, error) {
	return run(b, "read "+selector, chromedp.TextContent(chromedp.CSS(selector)))
}

// Eval evaluates a JavaScript expression in b's page.
func Eval[T any](b *Browser, expression string) (T, error) {
	return run(b, "evaluate "+expression, chromedp.Evaluate[T](expression))
}

// Screenshot is a PNG of the whole page.
func (b *Browser) Screenshot() ([]byte, error) {
	return run(b, "screenshot", chromedp.FullScreenshot(100))
}
