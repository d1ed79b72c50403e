package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPipeOnlyBuild builds the pipe-only binary (-tags pipeonly,nosqlite,nopostgres, what
// scripts/install.sh --pipe-binary installs) and holds its pipe to the whole binary's: the same
// reports and exit status for every example message, with and without a configuration file that
// has other commands' sections; its help names pipe alone, another command is a usage error, and
// a history it was built without makes the pipe exit 75 (the MTA keeps the bounce).
func TestPipeOnlyBuild(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "rebound-pipe")
	build := exec.Command("go", "build", "-tags", "pipeonly,nosqlite,nopostgres", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -tags pipeonly: %v\n%s", err, out)
	}
	config := filepath.Join(dir, "rebound.yaml")
	if err := os.WriteFile(config, []byte("report-url: \"-\"\nverp:\n  - \"bounces+{local}={domain}@bounces.example.org\"\npipe:\n  max-size: 10000000\nscan-imap:\n  server: imap.example.org:993\ncheck:\n  run-user: rebound\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runBin := func(bin string, stdin []byte, args ...string) (string, string, int) {
		return runBinary(t, bin, string(stdin), args...)
	}
	examples, err := filepath.Glob("../../testdata/examples/*.eml")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no example messages: %v", err)
	}
	reported := 0
	for _, path := range examples {
		msg, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"pipe", "--config", "/dev/null", "--report-url", "-"},
			{"--config", config, "pipe", "", "bounces+jane=example.com@bounces.example.org"},
		} {
			want, _, wantCode := runBin(reboundBin, msg, args...)
			if strings.Contains(want, `"email":`) {
				reported++
			}
			got, stderr, code := runBin(bin, msg, args...)
			if got != want || code != wantCode {
				t.Errorf("%s %q: pipe-only build exit %d, stdout %q (stderr %q); whole binary exit %d, stdout %q", filepath.Base(path), args, code, got, stderr, wantCode, want)
			}
		}
	}
	if reported == 0 {
		t.Fatal("no example was reported: the comparison proves nothing")
	}
	help, _, code := runBin(bin, nil, "--help")
	if code != 0 || !strings.Contains(help, "  pipe [<sender> [<recipient>]]") || strings.Contains(help, "scan") {
		t.Errorf("--help: exit %d, %q; want pipe alone", code, help)
	}
	if _, stderr, code := runBin(bin, nil, "scan", "maildir", dir); code != 80 {
		t.Errorf("scan: exit %d (%s); want the usage error 80", code, stderr)
	}
	msg, _ := os.ReadFile(examples[0])
	_, stderr, code := runBin(bin, msg, "pipe", "--config", "/dev/null", "--report-url", "-", "--history", filepath.Join(dir, "h.db"))
	if code != 75 || !strings.Contains(stderr, "nosqlite") {
		t.Errorf("--history of a back-end left out: exit %d, %q; want 75 naming the tag", code, stderr)
	}
}
