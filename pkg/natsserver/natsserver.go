// Package natsserver runs a NATS server with JetStream inside the process, for tickup dev
// and for tests (docs/architecture.md, "Events": the server comes from the nats-server/v2 module, never the
// older Debian package).
package natsserver

import (
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// readyTimeout bounds how long a fresh server may take to accept clients.
const readyTimeout = 10 * time.Second

// Start starts an in-process nats-server with JetStream enabled, listening on
// 127.0.0.1:port (-1 picks a free port) and storing streams under storeDir. It returns
// once the server accepts connections; the caller owns Shutdown and WaitForShutdown.
func Start(storeDir string, port int) (*server.Server, error) {
	if storeDir == "" {
		return nil, errors.New("start embedded nats: store dir is empty")
	}
	opts := &server.Options{
		ServerName: "tickup-embedded",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   storeDir,
		NoLog:      true,
		NoSigs:     true,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start embedded nats: %w", err)
	}
	s.Start()
	if !s.ReadyForConnections(readyTimeout) {
		s.Shutdown()
		s.WaitForShutdown()
		return nil, fmt.Errorf("start embedded nats on port %d: not ready after %s", port, readyTimeout)
	}
	return s, nil
}
