package testenv

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"tickup.dev/pkg/db"
)

// scramPassword is the superuser's password of a PasswordPostgres cluster.
const scramPassword = "tickup-test-superuser"

// PasswordPostgres starts, for one test, a private PostgreSQL cluster (initdb from the
// installed server) that checks passwords: TCP logins on 127.0.0.1 use scram-sha-256, so a
// wrong password is refused, unlike on a server that trusts local connections. It returns
// the superuser's URL. As root the cluster runs as the postgres OS user, as PostgreSQL
// requires. The test fails, never skips, when no server binaries are installed.
func PasswordPostgres(t testing.TB) string {
	t.Helper()
	bin := postgresBinDir(t)
	dir, cred := clusterDir(t)
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(scramPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	chown(t, cred, pwfile)
	data := filepath.Join(dir, "data")
	runAs(t, cred, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync")
	port := FreePort(t)
	srv := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "password_encryption=scram-sha-256")
	srv.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
	log := &syncBuffer{}
	srv.Stdout, srv.Stderr = log, log
	if err := srv.Start(); err != nil {
		t.Fatalf("testenv: start postgres: %v", err)
	}
	t.Cleanup(func() {
		_ = srv.Process.Signal(syscall.SIGINT) // fast shutdown
		_ = srv.Wait()
	})
	url := fmt.Sprintf("postgresql://postgres:%s@127.0.0.1:%d/postgres?sslmode=disable", scramPassword, port)
	waitForPostgres(t, url, log)
	return url
}

func postgresBinDir(t testing.TB) string {
	t.Helper()
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Strings(found)
	if len(found) > 0 {
		return filepath.Dir(found[len(found)-1])
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	t.Fatal("testenv: no initdb found (install the PostgreSQL server: apt-get install postgresql)")
	return ""
}

// clusterDir makes a directory the cluster's OS user owns; cred is nil when that is us.
func clusterDir(t testing.TB) (string, *syscall.Credential) {
	t.Helper()
	dir, err := os.MkdirTemp("", "tickup-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if os.Geteuid() != 0 {
		return dir, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		t.Fatalf("testenv: running as root, PostgreSQL needs another OS user: %v", err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	cred := &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	chown(t, cred, dir)
	return dir, cred
}

func chown(t testing.TB, cred *syscall.Credential, path string) {
	t.Helper()
	if cred == nil {
		return
	}
	if err := os.Chown(path, int(cred.Uid), int(cred.Gid)); err != nil {
		t.Fatal(err)
	}
}

func runAs(t testing.TB, cred *syscall.Credential, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	cmd.Dir = os.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("testenv: %s: %v\n%s", filepath.Base(name), err, out)
	}
}

func waitForPostgres(t testing.TB, url string, log *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		sqlDB, err := db.OpenSQL(ctx, url)
		cancel()
		if err == nil {
			_ = sqlDB.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("testenv: private PostgreSQL did not accept logins: %v\n%s", err, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
