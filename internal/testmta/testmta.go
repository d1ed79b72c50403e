// Package testmta starts real mail servers from Debian's packages (Postfix, Dovecot) on
// 127.0.0.1 for rebound's integration tests, in temporary directories, and stops them after.
package testmta

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Require skips the test when binary is missing, or fails it when REBOUND_REQUIRE_SERVERS is set
// (as scripts/test.sh does): in CI a missing server is an error, never a silent pass.
func Require(t testing.TB, binary string) string {
	t.Helper()
	path, err := exec.LookPath(binary)
	if err == nil {
		return path
	}
	for _, dir := range []string{"/usr/sbin", "/usr/bin", "/sbin"} {
		if p := filepath.Join(dir, binary); fileExists(p) {
			return p
		}
	}
	if os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
		t.Fatalf("%s is not installed (scripts/test.sh installs it)", binary)
	}
	t.Skipf("%s is not installed; run scripts/test.sh", binary)
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// WorldDir makes a temporary directory that unprivileged server processes can enter.
func WorldDir(t testing.TB, pattern string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// portFree fails the test when something already listens on addr: a server left over by an
// earlier run would answer in place of the one the test starts.
func portFree(t testing.TB, addr string) {
	t.Helper()
	if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
		c.Close()
		t.Fatalf("%s is already in use; stop what listens there", addr)
	}
}

// FreePort returns a TCP port on 127.0.0.1 that nothing listens on now, so that test runs in
// several checkouts at once never fight over a fixed port.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("finding a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// WaitPort waits until something listens on addr.
func WaitPort(t testing.TB, addr string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("nothing listens on %s after %s", addr, within)
}

// Postfix is a running Postfix instance.
type Postfix struct {
	Dir    string // its root: etc/, spool/, data/, maillog
	Submit string // 127.0.0.1:port accepting mail
	t      testing.TB
}

// PostfixConfig configures StartPostfix.
type PostfixConfig struct {
	SubmitPort, RemotePort int    // the submission port and the fake remote that rejects; 0 picks a free one
	Transports             string // extra transport_maps entries, e.g. "bounce.test=rebound:"
	Services               string // extra master.cf services
	MainExtra              string // extra main.cf lines
	DelayWarning           string // delay_warning_time (default 0: no delay notices)
}

// StartPostfix starts a Postfix instance of its own on 127.0.0.1. Mail to remote.test is relayed
// to a second smtpd of the instance that refuses it (550 5.1.1), to tempfail.test one that
// defers it (450 4.2.2).
func StartPostfix(t testing.TB, cfg PostfixConfig) *Postfix {
	t.Helper()
	postfix := Require(t, "postfix")
	dir := WorldDir(t, "rebound-postfix-")
	for _, d := range []string{"etc", "spool", "data"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	run(t, "chown", "postfix:postfix", filepath.Join(dir, "data"))
	if cfg.SubmitPort == 0 {
		cfg.SubmitPort = FreePort(t)
	}
	if cfg.RemotePort == 0 {
		cfg.RemotePort = FreePort(t)
	}
	stopLeftover(dir, cfg.SubmitPort)
	portFree(t, fmt.Sprintf("127.0.0.1:%d", cfg.SubmitPort))
	portFree(t, fmt.Sprintf("127.0.0.1:%d", cfg.RemotePort))
	main := fmt.Sprintf(`compatibility_level = 3.6
myhostname = mx.test.example
mydomain = test.example
myorigin = $myhostname
mydestination = $myhostname, localhost
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
queue_directory = %[1]s/spool
data_directory = %[1]s/data
maillog_file = %[1]s/maillog
maillog_file_prefixes = /var, /dev/stdout, %[1]s
biff = no
append_dot_mydomain = no
alias_maps =
alias_database =
local_recipient_maps =
smtp_dns_support_level = disabled
smtp_host_lookup = native
default_transport = error:5.1.2 outbound mail disabled in test instance
relay_transport = error:5.1.2 outbound mail disabled in test instance
transport_maps = inline:{ remote.test=smtp:[127.0.0.1]:%[2]d, tempfail.test=smtp:[127.0.0.1]:%[2]d, %[3]s }
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
delay_warning_time = %[5]s
%[4]s
`, dir, cfg.RemotePort, cfg.Transports, cfg.MainExtra, delayWarning(cfg.DelayWarning))
	master := fmt.Sprintf(`127.0.0.1:%d inet n   -       n       -       -       smtpd
127.0.0.1:%d inet n   -       n       -       -       smtpd
  -o syslog_name=postfix/fake-remote
  -o { smtpd_recipient_restrictions = check_recipient_access inline:{ { remote.test = 550 5.1.1 User unknown (fake remote) }, { tempfail.test = 450 4.2.2 Mailbox full (fake remote) } }, reject }
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
%s
`, cfg.SubmitPort, cfg.RemotePort, cfg.Services)
	write(t, filepath.Join(dir, "etc", "main.cf"), overrideMainCf(main))
	write(t, filepath.Join(dir, "etc", "master.cf"), master)
	etc := filepath.Join(dir, "etc")
	if out, err := exec.Command("script", "-qc", postfix+" -c "+etc+" check", "/dev/null").CombinedOutput(); err != nil {
		t.Fatalf("postfix check: %v\n%s", err, out)
	}
	if out, err := exec.Command(postfix, "-c", etc, "start").CombinedOutput(); err != nil {
		t.Fatalf("postfix start: %v\n%s\n%s", err, out, readFile(filepath.Join(dir, "maillog")))
	}
	p := &Postfix{Dir: dir, Submit: fmt.Sprintf("127.0.0.1:%d", cfg.SubmitPort), t: t}
	t.Cleanup(p.Stop)
	WaitPort(t, p.Submit, 20*time.Second)
	WaitPort(t, fmt.Sprintf("127.0.0.1:%d", cfg.RemotePort), 20*time.Second)
	return p
}

func delayWarning(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// Stop stops the instance: "postfix stop", bounded in time, then SIGKILL to every process still
// working in the instance's queue directory (each Postfix daemon, master included, runs there),
// so that no test leaves a Postfix behind, even one whose logging is stuck.
func (p *Postfix) Stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	exec.CommandContext(ctx, "postfix", "-c", filepath.Join(p.Dir, "etc"), "stop").Run()
	for i := 0; i < 50 && fileExists(filepath.Join(p.Dir, "spool", "pid", "master.pid")); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	killWorkingIn(filepath.Join(p.Dir, "spool"))
}

// killWorkingIn sends SIGKILL to the processes whose working directory is dir.
func killWorkingIn(dir string) {
	procs, _ := filepath.Glob("/proc/[0-9]*/cwd")
	for _, cwd := range procs {
		if target, err := os.Readlink(cwd); err == nil && target == dir {
			var pid int
			if _, err := fmt.Sscanf(filepath.Base(filepath.Dir(cwd)), "%d", &pid); err == nil && pid > 1 && pid != os.Getpid() {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	}
}

// overrideMainCf returns main.cf text in which a parameter set again further down replaces its
// earlier setting instead of following it. Postfix would use the later one anyway, but each of
// its daemons warns "overriding earlier entry" at start; postlogd sends that warning to its own
// socket before reading it, and when the other daemons have filled the socket first, it blocks
// forever, and with it every daemon that logs (smtpd stops greeting).
func overrideMainCf(text string) string {
	lines := strings.Split(text, "\n")
	last := map[string]int{}
	for i, line := range lines {
		if name, ok := mainCfName(line); ok {
			last[name] = i
		}
	}
	var out []string
	skipping := false
	for i, line := range lines {
		if name, ok := mainCfName(line); ok {
			skipping = last[name] != i
		} else if line == "" || !(line[0] == ' ' || line[0] == '\t') {
			skipping = false // continuation lines belong to the parameter above them
		}
		if !skipping {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// mainCfName returns the parameter a main.cf line sets ("name = value"), if it sets one.
func mainCfName(line string) (string, bool) {
	if line == "" || line[0] == '#' || line[0] == ' ' || line[0] == '\t' {
		return "", false
	}
	name, _, ok := strings.Cut(line, "=")
	name = strings.TrimSpace(name)
	return name, ok && name != "" && !strings.ContainsAny(name, " \t")
}

// Send submits msg from the envelope sender to the recipients. A freshly started or heavily
// loaded Postfix may answer a submission with a temporary refusal (a 4xx, or a connection it
// closes while its smtpd starts); those are retried for 30 seconds, as a real client would.
func (p *Postfix) Send(from string, to []string, msg []byte) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := smtp.SendMail(p.Submit, nil, from, to, msg)
		if err == nil {
			return nil
		}
		var reply *textproto.Error
		permanent := errors.As(err, &reply) && reply.Code >= 500
		if permanent || time.Now().After(deadline) {
			return fmt.Errorf("submitting to %s: %w\n%s", p.Submit, err, p.Log())
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// Log returns the instance's mail log.
func (p *Postfix) Log() string { return readFile(filepath.Join(p.Dir, "maillog")) }

// stopLeftover stops a Postfix left running on the port by an earlier, interrupted run.
func stopLeftover(dir string, port int) {
	out, _ := exec.Command("sh", "-c", fmt.Sprintf("ss -ltnp 2>/dev/null | grep '127.0.0.1:%d ' || true", port)).Output()
	if strings.Contains(string(out), "master") {
		if i := strings.Index(string(out), "pid="); i >= 0 {
			var pid int
			fmt.Sscanf(string(out)[i+4:], "%d", &pid)
			if pid > 1 {
				exec.Command("kill", fmt.Sprint(pid)).Run()
				time.Sleep(time.Second)
			}
		}
	}
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(p string) string { b, _ := os.ReadFile(p); return string(b) }

func run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// BuildRebound builds the rebound binary from the module at root into a directory that the mail
// system's unprivileged users can reach; the caller removes the directory. The binary carries
// the fault tests' hooks (tag rebound_faults, see cmd/rebound/faults.go), idle unless their
// environment variables are set.
func BuildRebound(root string) (bin, dir string, err error) {
	dir, err = os.MkdirTemp("", "rebound-bin-")
	if err != nil {
		return "", "", err
	}
	os.Chmod(dir, 0o755)
	bin = filepath.Join(dir, "rebound")
	// Beside it, rebound-pipe as scripts/install.sh builds it, which contrib/postfix/master.cf
	// runs and which hands a pipe with a history over to rebound.
	for _, b := range []struct{ name, tags string }{
		{"rebound", "rebound_faults"},
		{"rebound-pipe", "pipeonly,nosqlite,nopostgres"},
	} {
		cmd := exec.Command("go", "build", "-tags", b.tags, "-o", filepath.Join(dir, b.name), "./cmd/rebound")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			return "", "", fmt.Errorf("go build -tags %s: %v\n%s", b.tags, err, out)
		}
	}
	return bin, dir, nil
}

// PeakHeap runs f and returns the largest heap in use sampled while it ran.
func PeakHeap(f func()) uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}
