package drawpagetest

import (
	"context"
	"strings"

	"github.com/chromedp/chromedp"
)

// Result is what the page said after "Verify in your browser".
type Result struct {
	Verdict     string   // VALID, INVALID or CANNOT VERIFY
	Recomputed  string   // the recomputed S, winners and words used
	Differences []string // what differs, one line each; none when VALID
}

// done is truthy once a verification has reported and the button is usable again.
const done = `document.getElementById('verdict').textContent !== '' && !document.getElementById('verify').disabled`

// Verify puts proof in the page's proof box (unless empty: the published proof stays),
// clicks "Verify in your browser" and reads the verdict.
func (b *Browser) Verify(proof string) (Result, error) {
	var steps []chromedp.Action[chromedp.Void]
	if proof != "" {
		steps = append(steps, chromedp.SetValue(chromedp.CSS("#proof"), proof))
	}
	steps = append(steps,
		discard(chromedp.Evaluate[chromedp.Void](`document.getElementById('verdict').textContent = ''; undefined`)),
		chromedp.Click(chromedp.CSS("#verify")),
		discard(chromedp.Poll[chromedp.Void](done)))
	if _, err := run(b, "verify", chromedp.Steps(steps...)); err != nil {
		return Result{}, err
	}
	var r Result
	var err error
	if r.Verdict, err = b.Text("#verdict"); err != nil {
		return r, err
	}
	if r.Recomputed, err = b.Text("#recomputed"); err != nil {
		return r, err
	}
	r.Differences, err = Eval[[]string](b, `Array.from(document.querySelectorAll('#differences li'), (li) => li.textContent)`)
	return r, err
}

// discard turns an action of any value into a step.
func discard[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	})
}

// Mentions reports whether any difference contains text.
func (r Result) Mentions(text string) bool {
	for _, d := range r.Differences {
		if strings.Contains(d, text) {
			return true
		}
	}
	return false
}
