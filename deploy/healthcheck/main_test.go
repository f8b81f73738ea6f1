package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestProbeHTTPPassesOnlyOn2xx(t *testing.T) {
	cases := []struct {
		status  int
		healthy bool
	}{{http.StatusOK, true}, {http.StatusServiceUnavailable, false}, {http.StatusNotFound, false}}
	for _, tc := range cases {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(tc.status)
		}))
		err := probeHTTP(context.Background(), srv.URL+"/readyz")
		srv.Close()
		if (err == nil) != tc.healthy {
			t.Errorf("status %d: err = %v, want healthy %v", tc.status, err, tc.healthy)
		}
	}
}

func TestProbeTCPFailsWhenNothingListens(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := probeTCP(context.Background(), addr); err != nil {
		t.Fatalf("listening %s: %v", addr, err)
	}
	ln.Close()
	if err := probeTCP(context.Background(), addr); err == nil {
		t.Fatalf("closed %s: probe passed", addr)
	}
}
