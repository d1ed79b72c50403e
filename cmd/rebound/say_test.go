package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rebound/rebound/scan"
)

// TestPipeSaysWhatHappened: the first line the pipe writes (all that Postfix keeps of a
// filter's output) names the reason, the type and the address, then the campaign and the id.
func TestPipeSaysWhatHappened(t *testing.T) {
	box := filepath.Join(t.TempDir(), "outbox")
	_, stderr, code := run(t, postfixBounce, "pipe", "--report-url", "-", "--outbox", box)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first, _, _ := strings.Cut(stderr, "\n")
	want := regexp.MustCompile(`^time=\S+ level=INFO msg="userunknown hard jane\.doe\+news@example\.com" campaign=oct-2026 id=[0-9a-f]+ status=5\.1\.1 outcome=queued$`)
	if !want.MatchString(first) {
		t.Errorf("first line %q\nstderr:\n%s", first, stderr)
	}
}

// seedExamples makes a Maildir holding the example messages of testdata/examples.
func seedExamples(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Maildir")
	for _, sub := range []string{"new", "cur", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	files, _ := filepath.Glob("../../testdata/examples/*.eml")
	if len(files) < 5 {
		t.Fatalf("examples: %v", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "new", filepath.Base(f)), b, 0o600)
	}
	return dir
}

// TestScanSaysWhatHappened: a scan logs one line per reported recipient and counts its reports;
// a rescan of the same mail says that it was all reported before instead of silently sending
// nothing; --dry-run prints parse's table.
func TestScanSaysWhatHappened(t *testing.T) {
	box := filepath.Join(t.TempDir(), "outbox")
	dir := seedExamples(t)
	again := filepath.Join(t.TempDir(), "again")
	if err := os.CopyFS(again, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}

	out, stderr, code := run(t, "", "scan", "maildir", dir, "--report-url", "-", "--outbox", box)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	reports := strings.Count(out, `"email":`)
	lines := regexp.MustCompile(`(?m)level=INFO msg="[a-z]+ (hard|soft|complaint|delay) \S+@\S+" campaign=\S* id=[0-9a-f]+ .*outcome=queued$`).FindAllString(stderr, -1)
	if reports == 0 || len(lines) != reports {
		t.Errorf("%d reports sent, %d report lines:\n%s", reports, len(lines), stderr)
	}
	if !strings.Contains(stderr, "userunknown hard nouser@remote.test campaign=camp-7") && !strings.Contains(stderr, `msg="userunknown hard nouser@remote.test" campaign=camp-7`) {
		t.Errorf("no line for nouser@remote.test:\n%s", stderr)
	}
	summary := regexp.MustCompile(`rebound scan: reports: (\d+) delivered, (\d+) queued, 0 held in the outbox for the next flush, 0 already reported`).FindStringSubmatch(stderr)
	if summary == nil || summary[1] != summary[2] || summary[1] != strconv.Itoa(reports) {
		t.Errorf("summary (%d reports):\n%s", reports, stderr)
	}

	out, stderr, code = run(t, "", "scan", "maildir", again, "--report-url", "-", "--outbox", box)
	if code != 0 || out != "" {
		t.Fatalf("rescan: exit %d, sent %q: %s", code, out, stderr)
	}
	if !strings.Contains(stderr, "rebound scan: reports: 0 delivered, 0 queued, 0 held in the outbox for the next flush, "+strconv.Itoa(reports)+" already reported") ||
		!strings.Contains(stderr, "every report of these messages was reported before: nothing is sent again") ||
		strings.Count(stderr, "outcome=already-reported") != reports {
		t.Errorf("rescan:\n%s", stderr)
	}

	dry := seedExamples(t)
	out, stderr, code = run(t, "", "scan", "maildir", dry, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, "SOURCE ") || !regexp.MustCompile(`(?m)^\S+postfix-user-unknown\.eml +bounce +nouser@remote\.test +failed +5\.1\.1 +550 +userunknown +hard +camp-7$`).MatchString(out) {
		t.Errorf("dry run: exit %d:\n%s\n%s", code, out, stderr)
	}
	if strings.Contains(stderr, "rebound scan: reports:") {
		t.Errorf("a dry run counts reports:\n%s", stderr)
	}
}

// TestProgressLineClears: each progress redraw, and the end of the scan, erase the line so that
// no stale counts stay before the summary.
// TestIdleScanQuiet: a scan that finds nothing to scan and sends nothing prints nothing (the
// contrib cron line and timer mail nothing); at the debug level it says so.
func TestIdleScanQuiet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	for _, sub := range []string{"new", "cur", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	box := filepath.Join(t.TempDir(), "outbox")
	if out, stderr, code := run(t, "", "scan", "maildir", dir, "--report-url", "-", "--outbox", box); code != 0 || out != "" || stderr != "" {
		t.Errorf("idle scan: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, stderr, _ := run(t, "", "--log-level", "debug", "scan", "maildir", dir, "--report-url", "-", "--outbox", box); !strings.Contains(stderr, "scan: no message to scan") {
		t.Errorf("idle scan at debug: %q", stderr)
	}
}

func TestProgressLineClears(t *testing.T) {
	var b bytes.Buffer
	progressLine(&b)(scan.Stats{Scanned: 3})
	if got := b.String(); got != clearLine+(scan.Stats{Scanned: 3}).String() {
		t.Errorf("progress %q", got)
	}
	if clearLine != "\r\x1b[K" {
		t.Errorf("clearLine %q", clearLine)
	}
}
