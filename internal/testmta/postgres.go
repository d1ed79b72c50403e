package testmta

import (
	"bytes"
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
)

// Postgres is a PostgreSQL server of its own, from Debian's packages, on 127.0.0.1.
type Postgres struct {
	URL string // postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable
	Dir string
	cmd *exec.Cmd
}

// postgresBin finds the newest installed PostgreSQL's programs, or skips the test (fails it
// under REBOUND_REQUIRE_SERVERS).
func postgresBin(t testing.TB) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Strings(dirs)
	for i := len(dirs) - 1; i >= 0; i-- {
		if fileExists(filepath.Join(dirs[i], "initdb")) && fileExists(filepath.Join(dirs[i], "postgres")) {
			return dirs[i]
		}
	}
	if os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
		t.Fatal("PostgreSQL is not installed (scripts/test.sh installs Debian's postgresql)")
	}
	t.Skip("PostgreSQL is not installed; run scripts/test.sh")
	return ""
}

// StartPostgres initialises a cluster in a temporary folder and starts it on a free port of
// 127.0.0.1 with trust authentication, as the postgres user when the tests run as root (the
// server refuses to run as root). It is stopped when the test ends.
func StartPostgres(t testing.TB) *Postgres {
	t.Helper()
	bin := postgresBin(t)
	dir := WorldDir(t, "rebound-pg-")
	data, sock := filepath.Join(dir, "data"), filepath.Join(dir, "sock")
	os.MkdirAll(sock, 0o755)
	var cred *syscall.Credential
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("no postgres user to run the server as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		os.Chown(dir, uid, gid)
		os.Chown(sock, uid, gid)
	}
	run := func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true}
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		return cmd
	}
	initdb := run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
	if out, err := initdb.CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v: %s", err, out)
	}
	port := FreePort(t)
	var log bytes.Buffer
	srv := run("postgres", "-D", data, "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-k", sock,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=100")
	srv.Stdout, srv.Stderr = &log, &log
	if err := srv.Start(); err != nil {
		t.Fatalf("starting postgres: %v", err)
	}
	pg := &Postgres{URL: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), Dir: dir, cmd: srv}
	t.Cleanup(func() {
		srv.Process.Signal(syscall.SIGINT) // fast shutdown
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			syscall.Kill(-srv.Process.Pid, syscall.SIGKILL)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		ready := run("pg_isready", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "postgres")
		if ready.Run() == nil {
			return pg
		}
		if time.Now().After(deadline) {
			t.Fatalf("postgres not ready on port %d: %s", port, log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
