package scan_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/internal/testmta"
)

var reboundBin string

func TestMain(m *testing.M) {
	bin, dir, err := testmta.BuildRebound("..")
	if err != nil {
		panic(err)
	}
	reboundBin = bin
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(reboundBin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr, cmd.Stdout = &stderr, io.Discard
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stderr.String()
}

// corpusSample returns n bounces of the shared corpus that rebound reports (one report or more).
func corpusSample(t testing.TB, n int) [][]byte {
	t.Helper()
	shared := os.Getenv("REBOUND_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "sisimai", "maildir", "bsd", "lhost-*.eml"))
	if len(files) == 0 {
		if os.Getenv("CI") != "" || os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
			t.Fatalf("shared corpus not found under %s", shared)
		}
		t.Skip("shared corpus not found")
	}
	sort.Strings(files)
	var out [][]byte
	for i := 0; len(out) < n && i < 10*n; i++ {
		b, err := os.ReadFile(files[(i*7)%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		if isBounce(b) {
			out = append(out, b)
		}
	}
	return out
}

// ordinary mail that must stay untouched.
func ordinary(i int) []byte {
	return []byte(fmt.Sprintf("From: Friend %d <friend%d@example.com>\r\nTo: bounces@lists.test\r\nSubject: Re: your newsletter %d\r\nMessage-ID: <human-%d@example.com>\r\n\r\nThanks, I liked it.\r\n", i, i, i, i))
}

// seedMaildir writes bounces (half in new/, half in cur/ as seen) and ordinary mail (unread in
// new/, and one flagged in cur/), with unique Message-IDs so that each bounce is distinct.
func seedMaildir(t *testing.T, dir string, bounces [][]byte, humans int) (bounceNames, humanNames []string) {
	t.Helper()
	for _, sub := range []string{"new", "cur", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	for i, b := range bounces {
		name := fmt.Sprintf("17000000%02d.M%dP1.test", i, i)
		path := filepath.Join(dir, "new", name)
		if i%2 == 1 {
			name += ":2,S"
			path = filepath.Join(dir, "cur", name)
		}
		os.WriteFile(path, b, 0o600)
		bounceNames = append(bounceNames, name)
	}
	for i := 0; i < humans; i++ {
		name := fmt.Sprintf("18000000%02d.H%dP1.test", i, i)
		path := filepath.Join(dir, "new", name)
		if i == 0 {
			name += ":2,F"
			path = filepath.Join(dir, "cur", name)
		}
		os.WriteFile(path, ordinary(i), 0o600)
		humanNames = append(humanNames, path)
	}
	return bounceNames, humanNames
}

func countFiles(t *testing.T, pattern string) int {
	files, _ := filepath.Glob(pattern)
	return len(files)
}

func TestScanMaildir(t *testing.T) {
	hook := testmta.NewWebhook(t)
	dir := filepath.Join(t.TempDir(), "Maildir")
	bounces, humans := seedMaildir(t, dir, corpusSample(t, 40), 5)
	outbox := filepath.Join(t.TempDir(), "outbox")
	code, stderr := run(t, nil, "scan", "maildir", dir, "--report-url", hook.URL(), "--outbox", outbox)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	backup := filepath.Join(dir, ".Bounces.Processed")
	for i, name := range bounces {
		sub := "new"
		if i%2 == 1 {
			sub = "cur" // flags kept: ":2,S"
		}
		if _, err := os.Stat(filepath.Join(backup, sub, name)); err != nil {
			t.Errorf("bounce %s not in the backup folder: %v", name, err)
		}
	}
	for _, p := range humans {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("ordinary message moved or changed: %v", err)
		}
	}
	if n := countFiles(t, filepath.Join(dir, "new", "*")) + countFiles(t, filepath.Join(dir, "cur", "*")); n != len(humans) {
		t.Errorf("%d messages left in the source, want %d", n, len(humans))
	}
	first := len(hook.Reports())
	if first < len(bounces) || hook.Duplicates() != 0 {
		t.Errorf("%d reports (%d duplicates) for %d bounces", first, hook.Duplicates(), len(bounces))
	}
	if !strings.Contains(stderr, "scanned 45, bounces") {
		t.Errorf("summary: %s", stderr)
	}
	// Scanning again finds nothing new to report.
	if code, _ := run(t, nil, "scan", "maildir", dir, "--report-url", hook.URL(), "--outbox", outbox); code != 0 || len(hook.Reports()) != first || hook.Duplicates() != 0 {
		t.Errorf("rescan: exit %d, %d reports, %d duplicates", code, len(hook.Reports()), hook.Duplicates())
	}
}

func TestScanMaildirDryRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	seedMaildir(t, dir, corpusSample(t, 6), 2)
	code, _ := run(t, nil, "scan", "maildir", dir, "--dry-run", "--json", "--report-url", "http://127.0.0.1:1/down")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, ".Bounces.Processed")); err == nil {
		t.Error("dry run created the backup folder")
	}
	if n := countFiles(t, filepath.Join(dir, "new", "*")) + countFiles(t, filepath.Join(dir, "cur", "*")); n != 8 {
		t.Errorf("dry run moved messages: %d left", n)
	}
}

// TestScanMaildirCrashThenRescan kills the scan between queueing a bounce's reports and moving
// it, with the receiver down; the rescan, receiver up, converges: every bounce moved, every
// report received once.
func TestScanMaildirCrashThenRescan(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	bounces, _ := seedMaildir(t, dir, corpusSample(t, 12), 3)
	outbox := filepath.Join(t.TempDir(), "outbox")
	code, _ := run(t, []string{"REBOUND_TEST_CRASH_AFTER_QUEUE=5"}, "scan", "maildir", dir, "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox)
	if code != 99 {
		t.Fatalf("exit %d, want the test hook's 99", code)
	}
	queued := countFiles(t, filepath.Join(outbox, "new", "*.json"))
	if queued == 0 {
		t.Fatal("nothing queued before the crash")
	}
	hook := testmta.NewWebhook(t)
	if code, stderr := run(t, nil, "scan", "maildir", dir, "--report-url", hook.URL(), "--outbox", outbox); code != 0 {
		t.Fatalf("rescan exit %d: %s", code, stderr)
	}
	run(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox)
	if n := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*")); n != len(bounces) {
		t.Errorf("%d bounces in the backup folder, want %d", n, len(bounces))
	}
	if hook.Duplicates() != 0 || len(hook.Reports()) < len(bounces) {
		t.Errorf("%d reports, %d duplicates", len(hook.Reports()), hook.Duplicates())
	}
	if w := countFiles(t, filepath.Join(outbox, "new", "*.json")); w != 0 {
		t.Errorf("%d reports still waiting", w)
	}
}

// TestScanMaildirReceiverDown: reports wait in the outbox, bounces are moved, flush delivers.
func TestScanMaildirReceiverDown(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	bounces, _ := seedMaildir(t, dir, corpusSample(t, 8), 2)
	outbox := filepath.Join(t.TempDir(), "outbox")
	if code, stderr := run(t, nil, "scan", "maildir", dir, "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*")); n != len(bounces) {
		t.Errorf("%d moved, want %d", n, len(bounces))
	}
	hook := testmta.NewWebhook(t)
	run(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox)
	if len(hook.Reports()) < len(bounces) || hook.Duplicates() != 0 {
		t.Errorf("%d reports, %d duplicates", len(hook.Reports()), hook.Duplicates())
	}
}

// isBounce tells the messages that a scan moves: bounces, delays and complaints.
func isBounce(b []byte) bool {
	rep, err := dsn.Parse(bytes.NewReader(b), nil)
	if err != nil {
		return false
	}
	switch rep.Kind {
	case dsn.KindBounce, dsn.KindDelay, dsn.KindComplaint:
		return true
	}
	return false
}
