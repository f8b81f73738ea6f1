package rpc

import (
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// Service is a micro service (discoverable with `nats micro ls/info/stats`) together with
// the connection its endpoints reply on.
type Service struct {
	micro.Service
	nc *nats.Conn
}

// NewService registers a micro service. Every instance started under the same name shares
// micro's default queue group, so starting another replica spreads the requests.
func NewService(nc *nats.Conn, name, version, description string) (*Service, error) {
	svc, err := micro.AddService(nc, micro.Config{
		Name:        name,
		Version:     version,
		Description: description,
	})
	if err != nil {
		return nil, fmt.Errorf("add micro service %s %s: %w", name, version, err)
	}
	return &Service{Service: svc, nc: nc}, nil
}
