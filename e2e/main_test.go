package e2e

import (
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) {
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder) // the draw page
	os.Exit(testenv.RunMain(m))
}
