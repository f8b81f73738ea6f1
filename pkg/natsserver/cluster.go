package natsserver

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"

	"github.com/nats-io/nats-server/v2/server"
)

// Cluster is a JetStream cluster of in-process servers on loopback, for tests and fault
// drills that need streams with several replicas and a server that can die.
type Cluster struct {
	dir     string
	ports   []int // client port of each node
	routes  []int // cluster port of each node
	Servers []*server.Server
}

// StartCluster starts n nodes (3 or 5 for a quorum) storing under dir/node-<i> and
// returns once every node accepts clients and JetStream has a meta leader.
func StartCluster(dir string, n int) (*Cluster, error) {
	if n < 1 {
		return nil, errors.New("start nats cluster: need at least one node")
	}
	c := &Cluster{dir: dir, Servers: make([]*server.Server, n)}
	for range n {
		cp, err := freePort()
		if err != nil {
			return nil, err
		}
		rp, err := freePort()
		if err != nil {
			return nil, err
		}
		c.ports, c.routes = append(c.ports, cp), append(c.routes, rp)
	}
	for i := range n {
		if err := c.Start(i); err != nil {
			c.Shutdown()
			return nil, err
		}
	}
	return c, nil
}

// Start (re)starts node i on its ports and store, as after a crash.
func (c *Cluster) Start(i int) error {
	var routes []*url.URL
	for j, p := range c.routes {
		if j != i {
			routes = append(routes, &url.URL{Scheme: "nats", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(p))})
		}
	}
	opts := &server.Options{
		ServerName: fmt.Sprintf("tickup-%d", i+1), Host: "127.0.0.1", Port: c.ports[i],
		JetStream: true, StoreDir: filepath.Join(c.dir, fmt.Sprintf("node-%d", i+1)), NoLog: true, NoSigs: true,
		Cluster: server.ClusterOpts{Name: "tickup", Host: "127.0.0.1", Port: c.routes[i]},
		Routes:  routes,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return fmt.Errorf("start nats node %d: %w", i+1, err)
	}
	s.Start()
	if !s.ReadyForConnections(readyTimeout) {
		s.Shutdown()
		return fmt.Errorf("start nats node %d: not ready after %s", i+1, readyTimeout)
	}
	c.Servers[i] = s
	return nil
}

// Stop shuts node i down (its store stays for a restart).
func (c *Cluster) Stop(i int) {
	if s := c.Servers[i]; s != nil {
		s.Shutdown()
		s.WaitForShutdown()
		c.Servers[i] = nil
	}
}

// Shutdown stops every node.
func (c *Cluster) Shutdown() {
	for i := range c.Servers {
		c.Stop(i)
	}
}

// URL lists every node's client URL, comma-separated, as NATS_URL takes it.
func (c *Cluster) URL() string {
	var out string
	for i, p := range c.ports {
		if i > 0 {
			out += ","
		}
		out += "nats://127.0.0.1:" + strconv.Itoa(p)
	}
	return out
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
