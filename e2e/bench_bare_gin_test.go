package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/gin-gonic/gin"
)

// bareGinClients is how many clients send requests at once.
const bareGinClients = 64

// BenchmarkBareGin is the HTTP baseline of docs/performance.md: a trivial Gin handler served over real HTTP
// on loopback, called by bareGinClients concurrent keep-alive clients. It reports req/s, the
// ceiling any gateway route can approach on this machine.
func BenchmarkBareGin(b *testing.B) {
	engine := gin.New()
	engine.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })
	srv := httptest.NewServer(engine)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: bareGinClients, MaxConnsPerHost: bareGinClients}}
	defer client.CloseIdleConnections()
	url := srv.URL + "/ping"
	b.SetParallelism(max(1, bareGinClients/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := ping(client, url); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// ping sends one GET and reads the whole answer, so the connection is reused.
func ping(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}
