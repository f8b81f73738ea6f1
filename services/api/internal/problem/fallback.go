package problem

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// RegisterFallbacks makes engine answer unknown routes with a 404 problem and known routes
// called with the wrong method with a 405 problem (gin sets the Allow header).
func RegisterFallbacks(engine *gin.Engine) {
	engine.HandleMethodNotAllowed = true
	engine.NoRoute(NoRoute())
	engine.NoMethod(NoMethod())
}

// NoRoute returns the handler for paths that match no route.
func NoRoute() gin.HandlerFunc {
	return func(c *gin.Context) {
		Write(c, New(http.StatusNotFound, SlugNotFound, "No resource exists at this path."))
	}
}

// NoMethod returns the handler for a known path called with an unsupported method; it
// only runs when the engine's HandleMethodNotAllowed is true.
func NoMethod() gin.HandlerFunc {
	return func(c *gin.Context) {
		detail := "Method " + c.Request.Method + " is not allowed on this path."
		Write(c, New(http.StatusMethodNotAllowed, SlugMethodNotAllowed, detail))
	}
}
