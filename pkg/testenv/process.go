package testenv

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

var builds sync.Map // import path → *buildResult, so each binary is built once per test binary

type buildResult struct {
	once sync.Once
	path string
	err  error
}

// BuildBinary compiles the main package at importPath (resolved in the current workspace,
// so a module dependency such as the NATS server works too) and returns the binary's path.
// Go's build cache makes repeated builds cheap.
func BuildBinary(t testing.TB, importPath string) string {
	t.Helper()
	v, _ := builds.LoadOrStore(importPath, &buildResult{})
	b := v.(*buildResult)
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "tickup-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, filepath.Base(importPath))
		cmd := exec.Command("go", "build", "-o", b.path, importPath)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", importPath, err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// Process is a program the test started as a separate OS process.
type Process struct {
	t      testing.TB
	name   string
	cmd    *exec.Cmd
	output *syncBuffer
	done   chan struct{}
	err    error
}

// StartProcess starts bin with args and extra environment (added to the test's own). It is
// killed when the test ends if still running; its output is logged if the test failed.
func StartProcess(t testing.TB, name, bin string, args []string, env ...string) *Process {
	t.Helper()
	p := &Process{t: t, name: name, output: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = p.output, p.output
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.Kill()
		if t.Failed() {
			t.Logf("--- output of %s ---\n%s", name, p.Output())
		}
	})
	return p
}

// Kill sends SIGKILL (kill -9) and waits for the process to be gone.
func (p *Process) Kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// Signal sends sig and returns at once.
func (p *Process) Signal(sig os.Signal) { _ = p.cmd.Process.Signal(sig) }

// Wait waits up to timeout for the process to exit and returns its exit code.
func (p *Process) Wait(timeout time.Duration) (int, error) {
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode(), nil
	case <-time.After(timeout):
		return -1, fmt.Errorf("%s still running after %s", p.name, timeout)
	}
}

// Output returns what the process printed so far.
func (p *Process) Output() string { return p.output.String() }

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// NATSServerProcess runs a NATS server with JetStream as a separate process, built from the
// nats-server/v2 module version in go.mod, and returns its client URL.
func NATSServerProcess(t testing.TB) (string, *Process) {
	t.Helper()
	bin := BuildBinary(t, "github.com/nats-io/nats-server/v2")
	port := FreePort(t)
	p := StartProcess(t, "nats-server", bin, []string{"-a", "127.0.0.1", "-p", fmt.Sprint(port), "-js", "-sd", t.TempDir()})
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	WaitFor(t, 30*time.Second, "nats-server to listen", func() error {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
		}
		return err
	})
	return url, p
}

// WaitFor polls cond until it returns nil or timeout passes, then fails the test with the last error.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	delay := 10 * time.Millisecond
	for {
		err := cond()
		if err == nil {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, err)
		case <-time.After(delay):
		}
		delay = min(delay*2, 250*time.Millisecond)
	}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
