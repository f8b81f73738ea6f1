package webhook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSignerFollowsStandardWebhooks(t *testing.T) {
	t.Parallel()
	key := []byte("tickup notification key")
	body := []byte(`{"type":"draw.completed"}`)
	want := func(k []byte) string {
		mac := hmac.New(sha256.New, k)
		mac.Write([]byte("msg_1.1700000000." + string(body)))
		return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	}
	cases := map[string]struct {
		secret string
		key    []byte
	}{
		"whsec_ base64 secret is decoded": {"whsec_" + base64.StdEncoding.EncodeToString(key), key},
		"raw secret is used as bytes":     {"plain-secret", []byte("plain-secret")},
		"broken whsec_ is used raw":       {"whsec_not base64!", []byte("whsec_not base64!")},
	}
	for name, c := range cases {
		if got := NewSigner(c.secret).Sign("msg_1", 1700000000, body); got != want(c.key) {
			t.Errorf("%s: signature %s, want %s", name, got, want(c.key))
		}
	}
}

func TestPosterSendsSignedHeaders(t *testing.T) {
	t.Parallel()
	got := make(chan *http.Request, 1)
	bodies := make(chan []byte, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- r
		bodies <- b
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(srv.Close)
	p := NewPoster(srv.URL, "s3cret")
	p.Now = func() time.Time { return time.Unix(1700000000, 0) }
	status, err := p.Send(context.Background(), "ntf-1", []byte(`{"a":1}`))
	if err != nil || status != http.StatusAccepted {
		t.Fatalf("send: %d, %v", status, err)
	}
	r, b := <-got, <-bodies
	sig := NewSigner("s3cret").Sign("ntf-1", 1700000000, b)
	if r.Header.Get(HeaderID) != "ntf-1" || r.Header.Get(HeaderTimestamp) != "1700000000" || r.Header.Get(HeaderSignature) != sig {
		t.Fatalf("headers %v, want id ntf-1, timestamp 1700000000, signature %s", r.Header, sig)
	}
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || string(b) != `{"a":1}` {
		t.Fatalf("%s %s %q", r.Method, r.Header.Get("Content-Type"), b)
	}
}
