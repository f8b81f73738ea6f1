package webhooks

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tickup.dev/services/api/internal/purchases"
)

// TestEveryOutcomeIsDeclaredAndDocumented: the outcomes the handlers answer are exactly
// Ack's OpenAPI enum, and docs/webhooks.md names each of them.
func TestEveryOutcomeIsDeclaredAndDocumented(t *testing.T) {
	field, _ := reflect.TypeOf(Ack{}).FieldByName("Outcome")
	if enum := strings.Split(field.Tag.Get("enum"), ","); !slices.Equal(enum, outcomes) {
		t.Errorf("Ack.Outcome enum %v, want the outcomes %v", enum, outcomes)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "docs", "webhooks.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, answers, _ := strings.Cut(string(doc), "## Answers")
	for _, o := range outcomes {
		if !strings.Contains(answers, "| `"+o+"` |") {
			t.Errorf("docs/webhooks.md, Answers, has no row for the outcome %q", o)
		}
	}
}

// TestContradictionsAreNamedForWhatHappened: a verdict a settled purchase does not allow
// says which contradiction it was.
func TestContradictionsAreNamedForWhatHappened(t *testing.T) {
	for _, tc := range []struct{ to, status, want string }{
		{purchases.StatusFailed, purchases.StatusConfirmed, "failure-after-success-ignored"},
		{purchases.StatusFailed, purchases.StatusRefunded, "failure-after-success-ignored"},
		{purchases.StatusFailed, purchases.StatusDisputed, "failure-after-success-ignored"},
		{purchases.StatusConfirmed, purchases.StatusFailed, "success-after-failure-ignored"},
		{purchases.StatusConfirmed, purchases.StatusRefunded, "success-after-reversal-ignored"},
		{purchases.StatusConfirmed, purchases.StatusDisputed, "success-after-reversal-ignored"},
	} {
		if got := contradiction(tc.to, tc.status); got != tc.want {
			t.Errorf("%s verdict for a %s purchase: %q, want %q", tc.to, tc.status, got, tc.want)
		}
	}
}
