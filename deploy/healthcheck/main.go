// Command healthcheck is the probe of Compose healthchecks in the Tickup image, which has no
// shell, curl or wget: `healthcheck URL` exits 0 when a GET of URL answers 2xx, and
// `healthcheck -tcp HOST:PORT` when a TCP connection opens. Any other outcome exits 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	tcp := flag.Bool("tcp", false, "check that a TCP connection to HOST:PORT opens")
	timeout := flag.Duration("timeout", 2*time.Second, "give up after this long")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: healthcheck [-timeout D] URL | healthcheck -tcp HOST:PORT")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	check := probeHTTP
	if *tcp {
		check = probeTCP
	}
	if err := check(ctx, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "unhealthy:", err)
		os.Exit(1)
	}
}

// probeHTTP succeeds when a GET of url answers with a 2xx status.
func probeHTTP(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("get %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("get %s: status %s", url, resp.Status)
	}
	return nil
}

// probeTCP succeeds when a TCP connection to addr opens.
func probeTCP(ctx context.Context, addr string) error {
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("dial %s: %w", addr, err)
	}
	return conn.Close()
}
