package api

import (
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
	os.Exit(testenv.RunMain(m))
}
