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
// a history it was built without makes the pipe exit 75 (the MTA keeps the bounce), unless the
// full rebound is installed beside it: then that one handles the pipe.
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
	if _, err := os.Stat(filepath.Join(dir, "h.db")); err == nil {
		t.Error("the pipe-only build created the history it cannot keep")
	}

	// With the full rebound beside it, the pipe-only build hands it such a pipe: the same
	// report, and the history kept by the full binary.
	if err := os.Symlink(reboundBin, filepath.Join(dir, "rebound")); err != nil {
		t.Fatal(err)
	}
	history := func(name string) []string {
		return []string{"pipe", "--config", "/dev/null", "--report-url", "-", "--history", filepath.Join(dir, name)}
	}
	want, _, wantCode := runBin(reboundBin, msg, history("whole.db")...)
	got, stderr, code := runBin(bin, msg, history("handed.db")...)
	if code != 0 || wantCode != 0 || got != want || !strings.Contains(got, `"email":`) {
		t.Errorf("handed over: exit %d, stdout %q (stderr %q); whole binary exit %d, stdout %q", code, got, stderr, wantCode, want)
	}
	// A configuration file others may read is warned about once, by the pipe that hands over.
	loose := filepath.Join(dir, "loose.yaml")
	if err := os.WriteFile(loose, []byte("report-url: \"-\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(loose, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runBin(bin, msg, "pipe", "--config", loose, "--history", filepath.Join(dir, "loose.db"))
	if n := strings.Count(stderr, "readable or writable by others"); code != 0 || n != 1 {
		t.Errorf("handed over with a loose configuration file: exit %d, %d warnings, want one:\n%s", code, n, stderr)
	}
	wantList, _, _ := runBin(reboundBin, nil, "stats", "--history", filepath.Join(dir, "whole.db"))
	gotList, _, listCode := runBin(reboundBin, nil, "stats", "--history", filepath.Join(dir, "handed.db"))
	if listCode != 0 || gotList != wantList || !strings.Contains(gotList, "1") {
		t.Errorf("history kept through the hand-over: exit %d\n%s\nwant\n%s", listCode, gotList, wantList)
	}
}
