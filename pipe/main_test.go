package pipe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// reboundBin is the rebound binary, built once in a directory that the mail system's
// unprivileged users can reach.
var reboundBin string

func TestMain(m *testing.M) { testmta.MainWithRebound(m, "..", &reboundBin) }

// runRebound runs the binary with stdin and returns its exit code and stderr.
func runRebound(t *testing.T, stdin []byte, args ...string) (int, string) {
	t.Helper()
	return testmta.Run(t, reboundBin, nil, stdin, args...)
}

// pipeService prepares `rebound pipe` as a Postfix pipe(8) service, as contrib/postfix/master.cf
// installs it: a configuration that reports to hook with the VERP templates given and archives
// every message it reads. It returns the master.cf lines and the archive Maildir.
func pipeService(t *testing.T, hook *testmta.Webhook, verp ...string) (services, archive string) {
	t.Helper()
	return pipeServiceWith(t, hook, "", verp...)
}

// pipeServiceWith is pipeService with a bounce history kept in the SQLite file history (none
// when empty; its folder must be writable by nobody).
func pipeServiceWith(t *testing.T, hook *testmta.Webhook, history string, verp ...string) (services, archive string) {
	t.Helper()
	work := testmta.WorldDir(t, "rebound-pipe-")
	outbox := filepath.Join(work, "outbox")
	archive = filepath.Join(work, "archive")
	for _, d := range []string{outbox, archive} {
		os.MkdirAll(d, 0o755)
		os.Chown(d, 65534, 65534) // nobody, the pipe's user
	}
	config := fmt.Sprintf("report-url: %s\noutbox: %s\nverp:\n", hook.URL(), outbox)
	for _, v := range verp {
		config += fmt.Sprintf("  - %q\n", v)
	}
	if history != "" {
		config += fmt.Sprintf("history: %s\n", history)
	}
	config += fmt.Sprintf("pipe:\n  archive: %s\n", archive)
	configFile := filepath.Join(work, "rebound.yaml")
	if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	service, err := os.ReadFile("../contrib/postfix/master.cf")
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("/usr/local/bin/rebound", reboundBin, "/etc/rebound/rebound.yaml", configFile, "user=rebound", "user=nobody").Replace(string(service)), archive
}
