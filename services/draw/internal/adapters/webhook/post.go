package webhook

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Poster POSTs signed JSON bodies to one URL.
type Poster struct {
	URL    string
	Signer Signer
	Client *http.Client
	Now    func() time.Time
}

// NewPoster returns a poster to url signing with secret, with a 10-second timeout per POST.
func NewPoster(url, secret string) *Poster {
	return &Poster{URL: url, Signer: NewSigner(secret), Client: &http.Client{Timeout: 10 * time.Second}, Now: time.Now}
}

// Send POSTs payload under the message id and returns the receiver's status code. The
// timestamp and signature are those of this attempt; the id and body never change.
func (p *Poster) Send(ctx context.Context, id string, payload []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.URL, bytes.NewReader(payload))
	if err != nil {
		return 0, fmt.Errorf("webhook request: %w", err)
	}
	ts := p.Now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Tickup-Webhooks/1")
	req.Header.Set(HeaderID, id)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, p.Signer.Sign(id, ts, payload))
	resp, err := p.Client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("webhook POST: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	return resp.StatusCode, nil
}
