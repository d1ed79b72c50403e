package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCheckCreatesNothing: check run on an outbox that does not exist, or exists without its
// folders, leaves the file system as it was (issue 15.4: check run as root created the folders
// root:root, and the pipe's user could not write them).
func TestCheckCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "spool", "outbox")
	out, _, code := run(t, "", "check", "--report-url", "-", "--outbox", missing)
	if code != 0 || !strings.Contains(out, "does not exist yet") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "spool")); !os.IsNotExist(err) {
		t.Errorf("check created %s/spool", dir)
	}
	empty := filepath.Join(dir, "outbox")
	os.Mkdir(empty, 0o750)
	if out, _, code := run(t, "", "check", "--report-url", "-", "--outbox", empty); code != 0 {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("check created %d folders in the outbox", len(entries))
	}
}

// asRoot skips a test that needs to change users: only root can run a process as nobody.
func asRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run commands as nobody")
	}
}

// TestCheckUserCannotWrite: an outbox owned by root 0750, checked for the user the pipe runs
// as, fails with the path, its owner and mode, and the fix.
func TestCheckUserCannotWrite(t *testing.T) {
	asRoot(t)
	dir := worldDir(t)
	box := filepath.Join(dir, "outbox")
	if err := os.Mkdir(box, 0o750); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "", "check", "--report-url", "-", "--outbox", box, "--run-user", "nobody")
	if code != 1 || !strings.Contains(out, "FAIL  outbox "+box+": nobody cannot write "+box+" (root:root 0750)") ||
		!strings.Contains(out, "chown -R nobody: "+box) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// Once the user owns it, check passes.
	os.Chown(box, 65534, 65534)
	out, _, code = run(t, "", "check", "--report-url", "-", "--outbox", box, "--run-user", "nobody")
	if code != 0 || !strings.Contains(out, "ok    outbox "+box+": nobody can write it") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// The user can come from the configuration file's check section.
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte("report-url: \"-\"\noutbox: "+box+"\ncheck:\n  run-user: root\n"), 0o644)
	os.Chown(box, 0, 0)
	os.Chmod(box, 0o700)
	if out, _, code := run(t, "", "--config", config, "check"); code != 0 || !strings.Contains(out, "root can write it") {
		t.Errorf("user from the file: exit %d:\n%s", code, out)
	}
	// The pipe's Maildirs, read from its section of the file, are checked too.
	keep, archive := filepath.Join(dir, "unrecognized"), filepath.Join(dir, "archive")
	os.Mkdir(keep, 0o750)
	os.WriteFile(config, []byte("report-url: \"-\"\npipe:\n  keep-unrecognized: "+keep+"\n  archive: "+archive+"\n"), 0o644)
	out, _, code = run(t, "", "--config", config, "check", "--run-user", "nobody")
	if code != 1 || !strings.Contains(out, "FAIL  keep-unrecognized Maildir "+keep+": nobody cannot write "+keep+" (root:root 0750): the pipe would exit 75") ||
		!strings.Contains(out, "FAIL  archive Maildir "+archive+" does not exist and nobody cannot write "+dir+" (root:root 0755)") {
		t.Errorf("pipe's Maildirs: exit %d:\n%s", code, out)
	}
	if _, err := os.Stat(archive); !os.IsNotExist(err) {
		t.Errorf("check created the archive")
	}
}

// worldDir is a temporary directory that nobody can enter.
func worldDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "rebound-check-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// TestPipeUnusableOutbox: a pipe whose outbox it cannot write logs an ERROR naming the outbox
// and, losing nothing, sends the report at once (here to stdout).
func TestPipeUnusableOutbox(t *testing.T) {
	asRoot(t)
	dir := worldDir(t)
	bin := filepath.Join(dir, "rebound")
	b, _ := os.ReadFile(reboundBin)
	os.WriteFile(bin, b, 0o755)
	box := filepath.Join(dir, "outbox")
	os.Mkdir(box, 0o750) // root:root, as `check` used to leave it
	cmd := exec.Command(bin, "pipe", "--report-url", "-", "--outbox", box)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	cmd.Dir = "/"
	cmd.Stdin = strings.NewReader(postfixBounce)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pipe: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "level=ERROR msg=\"outbox unusable") || !strings.Contains(stderr.String(), box) {
		t.Errorf("no ERROR about the outbox:\n%s", stderr.String())
	}
	if !strings.Contains(string(out), `"email":"jane.doe+news@example.com"`) {
		t.Errorf("report not sent at once: %s", out)
	}
}

// TestCheckOutboxWarnings: refused reports, reports waiting longer than --max-waiting and claims
// of dead processes are warned about, without failing the check.
func TestCheckOutboxWarnings(t *testing.T) {
	box := filepath.Join(t.TempDir(), "outbox")
	for _, d := range []string{"tmp", "new", "cur", "failed", "sent"} {
		os.MkdirAll(filepath.Join(box, d), 0o750)
	}
	dead := exec.Command("true")
	dead.Run()
	put := func(path, email string, queued time.Time, lastErr string) {
		b, _ := json.Marshal(map[string]any{"report": map[string]string{"email": email, "type": "hard"}, "queued_at": queued, "last_error": lastErr})
		if err := os.WriteFile(path, b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	put(filepath.Join(box, "new", "fresh.json"), "fresh@example.com", now.Add(-time.Minute), "")
	put(filepath.Join(box, "new", "late.json"), "late@example.com", now.Add(-3*time.Hour), "connection refused")
	put(filepath.Join(box, "failed", "refused.json"), "refused@example.com", now.Add(-time.Hour), "HTTP 422: unknown subscriber")
	put(filepath.Join(box, "cur", "orphan.json."+strconv.Itoa(dead.Process.Pid)), "orphan@example.com", now.Add(-time.Minute), "")
	out, _, code := run(t, "", "check", "--report-url", "-", "--outbox", box)
	for _, want := range []string{
		"outbox: 2 waiting, 0 held for a retry, 0 being sent, 1 stale, 1 refused in failed/",
		"warn  outbox: 1 reports refused for good",
		"refused refused@example.com (1h0m ago, HTTP 422: unknown subscriber)",
		"warn  outbox: 1 reports waiting longer than 1h0m0s",
		"late late@example.com (3h0m ago, connection refused)",
		"warn  outbox: 1 reports claimed by a process that died",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if code != 0 || strings.Contains(out, "fresh@example.com") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if out, _, _ := run(t, "", "check", "--report-url", "-", "--outbox", box, "--max-waiting", "4h"); strings.Contains(out, "waiting longer") {
		t.Errorf("--max-waiting 4h still warns:\n%s", out)
	}
	// check changed nothing: the stale claim is still there.
	if _, err := os.Stat(filepath.Join(box, "cur", "orphan.json."+strconv.Itoa(dead.Process.Pid))); err != nil {
		t.Errorf("check moved the stale claim: %v", err)
	}
}

// TestBadURLAndPortRefusedAtStart: a report URL with a space, or a port out of range, is refused
// when the command starts, saying what is wrong with it.
func TestBadURLAndPortRefusedAtStart(t *testing.T) {
	for _, tc := range []struct {
		url, want string
	}{
		{"http://exa mple.com/", `a space at position 11`},
		{"https://example.com:99999/hook", `port \"99999\": want a number from 1 to 65535`},
		{"example.com/hook", `no scheme: write https://example.com/hook`},
	} {
		if out, _, code := run(t, "", "check", "--report-url", tc.url); code != 1 || !strings.Contains(strings.ReplaceAll(out, `"`, `\"`), tc.want) {
			t.Errorf("check %s: exit %d:\n%s", tc.url, code, out)
		}
		if _, stderr, code := run(t, postfixBounce, "pipe", "--report-url", tc.url); code != 75 || !strings.Contains(stderr, tc.want) {
			t.Errorf("pipe %s: exit %d:\n%s", tc.url, code, stderr)
		}
	}
}

// TestCheckRunUserCannotReadSecret: a token file that root made root-only (chmod 600) passes
// when check, as root, reads it, yet the pipe run as the run user cannot: check fails it with
// the file, its owner and mode, and the fix; once the user's group may read it, check passes.
func TestCheckRunUserCannotReadSecret(t *testing.T) {
	asRoot(t)
	dir := worldDir(t)
	token := filepath.Join(dir, "token")
	if err := os.WriteFile(token, []byte("api:key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "--report-cmd", "cat", "--report-token-file", token, "--run-user", "nobody"}
	out, _, code := run(t, "", args...)
	if want := "FAIL  --report-token-file " + token + ": nobody cannot read " + token + " (root:root 0600)"; code != 1 || !strings.Contains(out, want) ||
		!strings.Contains(out, "run chgrp nogroup "+token+" && chmod 640 "+token) {
		t.Errorf("exit %d, want %q:\n%s", code, want, out)
	}
	os.Chown(token, 0, 65534)
	os.Chmod(token, 0o640)
	if out, _, code := run(t, "", args...); code != 0 || strings.Contains(out, "token") {
		t.Errorf("readable by the group: exit %d:\n%s", code, out)
	}
}

// TestCheckHistoryWritable: the SQLite history of docs/history.md lives in a folder that nothing
// creates; check, as root for the run user, fails a missing folder and one the user cannot
// write (the pipe would exit 75 at every bounce), reads history: from the pipe section, and
// passes once the user owns the folder.
func TestCheckHistoryWritable(t *testing.T) {
	asRoot(t)
	dir := worldDir(t)
	lib := filepath.Join(dir, "lib")
	db := filepath.Join(lib, "history.db")
	args := []string{"check", "--report-url", "-", "--run-user", "nobody", "--history", db}
	out, _, code := run(t, "", args...)
	if want := "FAIL  history " + db + ": its folder " + lib + " does not exist"; code != 1 || !strings.Contains(out, want) || !strings.Contains(out, "install -d -o nobody -m 0750 "+lib) {
		t.Errorf("missing folder: exit %d, want %q:\n%s", code, want, out)
	}
	os.Mkdir(lib, 0o755)
	out, _, code = run(t, "", args...)
	if want := "FAIL  history " + db + ": nobody cannot write " + lib + " (root:root 0755)"; code != 1 || !strings.Contains(out, want) {
		t.Errorf("root's folder: exit %d, want %q:\n%s", code, want, out)
	}
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte("report-url: \"-\"\npipe:\n  history: "+db+"\n"), 0o600)
	if out, _, code := run(t, "", "--config", config, "check", "--run-user", "nobody"); code != 1 || !strings.Contains(out, "FAIL  history "+db) {
		t.Errorf("history of the pipe section: exit %d:\n%s", code, out)
	}
	os.Chown(lib, 65534, 65534)
	if out, _, code := run(t, "", args...); code != 0 || !strings.Contains(out, "ok    history "+db+": nobody can write it") {
		t.Errorf("the user's folder: exit %d:\n%s", code, out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("check created the history")
	}
}
