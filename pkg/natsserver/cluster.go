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
	s, err := StartNode(c.Node(i))
	if err != nil {
		return err
	}
	c.Servers[i] = s
	return nil
}

// Node describes node i: its name, ports, store and routes to the others.
func (c *Cluster) Node(i int) NodeOptions {
	n := NodeOptions{Name: fmt.Sprintf("tickup-%d", i+1), Port: c.ports[i], ClusterPort: c.routes[i],
		StoreDir: filepath.Join(c.dir, fmt.Sprintf("node-%d", i+1))}
	for j, p := range c.routes {
		if j != i {
			n.Routes = append(n.Routes, p)
		}
	}
	return n
}

// NodeOptions describe one node of a cluster on loopback.
type NodeOptions struct {
	Name        string
	Port        int   // client port
	ClusterPort int   // route port
	Routes      []int // the other nodes' route ports
	StoreDir    string
}

// StartNode starts one clustered JetStream node in this process and returns once it
// accepts clients (`tickup nats-node` runs it as its own OS process for fault drills).
func StartNode(n NodeOptions) (*server.Server, error) {
	var routes []*url.URL
	for _, p := range n.Routes {
		routes = append(routes, &url.URL{Scheme: "nats", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(p))})
	}
	opts := &server.Options{
		ServerName: n.Name, Host: "127.0.0.1", Port: n.Port,
		JetStream: true, StoreDir: n.StoreDir, NoLog: true, NoSigs: true,
		Cluster: server.ClusterOpts{Name: "tickup", Host: "127.0.0.1", Port: n.ClusterPort},
		Routes:  routes,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start nats node %s: %w", n.Name, err)
	}
	s.Start()
	if !s.ReadyForConnections(readyTimeout) {
		s.Shutdown()
		return nil, fmt.Errorf("start nats node %s: not ready after %s", n.Name, readyTimeout)
	}
	return s, nil
}

// FreePort returns a loopback port nothing listens on now.
func FreePort() (int, error) { return freePort() }

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
