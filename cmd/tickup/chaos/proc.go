package chaos

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// syscallTERM asks a process to stop cleanly.
const syscallTERM = syscall.SIGTERM

// proc is one OS process of the topology that faults can kill, pause and restart.
type proc struct {
	name, bin string
	args, env []string
	logDir    string
	health    string // readiness URL; "" for none
	supervise bool   // restart it when it exits on its own, as compose's restart: always does

	crashes atomic.Int64 // exits nobody asked for

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

// start runs the process, appending its output to logs/<name>.log.
func (p *proc) start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	out, err := os.OpenFile(filepath.Join(p.logDir, p.name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = append(os.Environ(), p.env...), out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		out.Close()
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	done := make(chan struct{})
	go p.watch(cmd, out, done)
	p.cmd, p.done = cmd, done
	return nil
}

// watch reaps the process; if it exits while still wanted (not stopped by kill), it is
// restarted after a second, the way a supervisor would.
func (p *proc) watch(cmd *exec.Cmd, out *os.File, done chan struct{}) {
	_ = cmd.Wait()
	out.Close()
	close(done)
	p.mu.Lock()
	wanted := p.cmd == cmd && p.supervise
	if wanted {
		p.cmd = nil
	}
	p.mu.Unlock()
	if !wanted {
		return
	}
	p.crashes.Add(1)
	time.Sleep(time.Second)
	if err := p.start(); err != nil {
		fmt.Fprintf(os.Stderr, "chaos: restart %s: %v\n", p.name, err)
	}
}

// signal sends sig to the running process.
func (p *proc) signal(sig syscall.Signal) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		return fmt.Errorf("%s is not running", p.name)
	}
	return p.cmd.Process.Signal(sig)
}

// kill ends the process with sig (SIGKILL: no clean-up at all) and waits for it.
func (p *proc) kill(sig syscall.Signal, grace time.Duration) {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.cmd = nil
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGCONT) // a paused process cannot handle SIGTERM
	_ = cmd.Process.Signal(sig)
	select {
	case <-done:
	case <-time.After(grace):
		_ = cmd.Process.Kill()
		<-done
	}
}
