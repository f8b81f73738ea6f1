// Package pgcluster runs a private PostgreSQL cluster made with initdb on a spare loopback
// port, so fault drills can crash and restart a database without touching the machine's
// shared server. As root it runs the server as the postgres OS user, as PostgreSQL requires.
package pgcluster

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
)

// Cluster is one private PostgreSQL data directory and its server.
type Cluster struct {
	Dir  string // data directory
	Port int
	bin  string // directory of initdb and pg_ctl
	as   string // OS user that owns Dir and runs the server ("" for the current user)
}

// Init creates a cluster in dir (which must not exist yet) for a server on 127.0.0.1:port
// (0 picks a free one), trusting local connections of user postgres.
func Init(dir string, port int) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	if port == 0 {
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	c := &Cluster{Dir: dir, Port: port, bin: bin}
	if os.Geteuid() == 0 {
		c.as = "postgres"
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := c.chown(); err != nil {
		return nil, err
	}
	if _, err := c.run("initdb", "-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		return nil, err
	}
	return c, nil
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on", c.Port, c.Dir)
	_, err := c.run("pg_ctl", "-D", c.Dir, "-o", opts, "-l", filepath.Join(c.Dir, "server.log"), "-w", "-t", "60", "start")
	return err
}

// Stop stops the server: mode "fast" (clean) or "immediate" (a crash: recovery at restart).
func (c *Cluster) Stop(mode string) error {
	_, err := c.run("pg_ctl", "-D", c.Dir, "-m", mode, "-w", "-t", "60", "stop")
	return err
}

// URL is the superuser's connection URL.
func (c *Cluster) URL(database string) string {
	return fmt.Sprintf("postgresql://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, database)
}

func (c *Cluster) run(tool string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, tool)
	cmd := exec.Command(path, args...)
	if c.as != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.as, "--", path}, args...)...)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if err := cmd.Run(); err != nil {
		return out.Bytes(), fmt.Errorf("%s %v: %w\n%s", tool, args, err, out.Bytes())
	}
	return out.Bytes(), nil
}

// chown gives the data directory to the server's user and lets it reach it: each parent
// gets search permission for others if it lacks it, and nothing else changes.
func (c *Cluster) chown() error {
	if c.as == "" {
		return nil
	}
	u, err := user.Lookup(c.as)
	if err != nil {
		return fmt.Errorf("pgcluster: OS user %s: %w", c.as, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(c.Dir, uid, gid); err != nil {
		return err
	}
	for d := filepath.Dir(c.Dir); d != "/"; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return err
		}
		if fi.Mode().Perm()&0o001 != 0 {
			continue
		}
		// Add search permission only, keeping every other bit (a sticky /tmp stays sticky).
		keep := fi.Mode() & (os.ModePerm | os.ModeSticky | os.ModeSetgid | os.ModeSetuid)
		if err := os.Chmod(d, keep|0o001); err != nil {
			return err
		}
	}
	return nil
}

// binDir finds the newest installed PostgreSQL's programs.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	if len(dirs) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", errors.New("pgcluster: no initdb (install PostgreSQL's server package)")
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	return dirs[len(dirs)-1], nil
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
