package chaos

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

// retryFor is how long a client keeps retrying a request through an outage.
const retryFor = 3 * time.Minute

// client is the load's HTTP client: it spreads requests over the gateways and retries
// what an outage refuses (503, a connection that fails, a key still held by an attempt a
// dead gateway never finished), as a well-behaved frontend does.
// An idempotency key makes a retried POST safe.
type client struct {
	urls        []string
	http        *http.Client
	next        atomic.Uint64
	retries     atomic.Int64
	unavailable atomic.Int64 // 503 answers seen
	serverErrs  atomic.Int64 // 5xx other than 503: a violation
	noRetryHint atomic.Int64 // 503 without Retry-After: a violation
	hangs       atomic.Int64 // no answer within the client's timeout: a violation
}

func newClient(urls []string) *client {
	return &client{urls: urls, http: &http.Client{Timeout: 30 * time.Second}}
}

// call sends the request until a gateway answers something other than 503, then decodes a
// 2xx answer into out and returns the status; a 4xx comes back as its status and an error.
func (c *client) call(ctx context.Context, method, path, tok string, body, out any, headers ...string) (int, error) {
	data, raw := body.([]byte)
	if !raw {
		data, _ = json.Marshal(body)
	}
	key := uuid.NewString()
	deadline := time.Now().Add(retryFor)
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		status, answer, err := c.once(ctx, method, path, tok, data, key, headers)
		// A 409 idempotency-in-flight means an earlier attempt with this key is still held,
		// perhaps by a gateway that died mid-request: its lease ends, so try again.
		inFlight := status == http.StatusConflict && bytes.Contains(answer, []byte("idempotency-in-flight"))
		if err == nil && status != http.StatusServiceUnavailable && !inFlight {
			if status/100 != 2 {
				return status, fmt.Errorf("%s %s: %d %s", method, path, status, bytes.TrimSpace(answer))
			}
			if out != nil {
				return status, json.Unmarshal(answer, out)
			}
			return status, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return status, fmt.Errorf("%s %s: still failing after %s: %v", method, path, retryFor, err)
		}
		c.retries.Add(1)
		time.Sleep(wait)
	}
}

func (c *client) once(ctx context.Context, method, path, tok string, body []byte, key string, headers []string) (int, []byte, error) {
	base := c.urls[c.next.Add(1)%uint64(len(c.urls))]
	req, err := http.NewRequestWithContext(ctx, method, base+"/api/v1"+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if method == http.MethodPost {
		req.Header.Set("Idempotency-Key", key)
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			c.hangs.Add(1)
		}
		return 0, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	switch {
	case resp.StatusCode == http.StatusServiceUnavailable:
		c.unavailable.Add(1)
		if resp.Header.Get("Retry-After") == "" {
			c.noRetryHint.Add(1)
		}
	case resp.StatusCode >= 500:
		c.serverErrs.Add(1)
	}
	return resp.StatusCode, answer, err
}
