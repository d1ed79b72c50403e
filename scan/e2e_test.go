package scan_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/testmta"
	"github.com/rebound/rebound/outbox"
)

var reboundBin string

func TestMain(m *testing.M) { testmta.MainWithRebound(m, "..", &reboundBin) }

func run(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	return testmta.Run(t, reboundBin, env, nil, args...)
}

func corpusSample(t testing.TB, n int) [][]byte { return testmta.Bounces(t, n, 7) }

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
		os.WriteFile(path, testmta.Ordinary(i), 0o600)
		humanNames = append(humanNames, path)
	}
	return bounceNames, humanNames
}

// queuedReports returns the reports waiting in the outbox dir (in files of their own or in the
// batch files of a scan), by id.
func queuedReports(t *testing.T, dir string) map[string]feedback.Report {
	t.Helper()
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil // not created yet: holds nothing
	}
	ob, err := outbox.OpenExisting(dir)
	if err != nil {
		t.Fatal(err)
	}
	items, err := ob.List()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]feedback.Report{}
	for _, it := range items {
		if it.Err != "" {
			t.Fatalf("unreadable in the outbox: %s: %s", it.Path, it.Err)
		}
		if it.State == outbox.StateWaiting || it.State == outbox.StateHeld {
			out[it.ID] = it.Report
		}
	}
	return out
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
	queued := len(queuedReports(t, outbox))
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
	if w := len(queuedReports(t, outbox)); w != 0 {
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

// TestScanMaildirNoFlush: with --no-flush the reports are only queued; flush delivers them.
func TestScanMaildirNoFlush(t *testing.T) {
	hook := testmta.NewWebhook(t)
	dir := filepath.Join(t.TempDir(), "Maildir")
	bounces, _ := seedMaildir(t, dir, corpusSample(t, 6), 1)
	outbox := filepath.Join(t.TempDir(), "outbox")
	if code, stderr := run(t, nil, "scan", "maildir", dir, "--no-flush", "--report-url", hook.URL(), "--outbox", outbox); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := len(hook.Reports()); n != 0 {
		t.Errorf("%d reports sent by a --no-flush scan", n)
	}
	if n := len(queuedReports(t, outbox)); n < len(bounces) {
		t.Errorf("%d reports queued for %d bounces", n, len(bounces))
	}
	if n := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*")); n != len(bounces) {
		t.Errorf("%d moved, want %d", n, len(bounces))
	}
	run(t, nil, "flush", "--report-url", hook.URL(), "--outbox", outbox)
	if len(hook.Reports()) < len(bounces) || hook.Duplicates() != 0 {
		t.Errorf("after flush: %d reports, %d duplicates", len(hook.Reports()), hook.Duplicates())
	}
}

// TestScanMaildirOptions: --limit stops after N messages, --unrecognized takes the mail that is
// not a bounce, --from leaves the bounces of other senders alone.
func TestScanMaildirOptions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	seedMaildir(t, dir, corpusSample(t, 10), 3)
	run(t, nil, "scan", "maildir", dir, "--limit", "4", "--report-url", "-")
	moved := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*"))
	if moved == 0 || moved > 4 {
		t.Errorf("--limit 4 moved %d messages", moved)
	}
	before, _ := filepath.Glob(filepath.Join(dir, ".Bounces.Processed", "*", "*"))
	code, _ := run(t, nil, "scan", "maildir", dir, "--unrecognized", "Other", "--from", "^nobody-sends-from-here@", "--report-url", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// --from matching no sender moves only what is taken whatever its sender: complaints and SES
	// notifications.
	after, _ := filepath.Glob(filepath.Join(dir, ".Bounces.Processed", "*", "*"))
	for _, p := range after {
		if slices.Contains(before, p) {
			continue
		}
		out, err := exec.Command(reboundBin, "parse", "--json", p).Output()
		if err != nil || !strings.Contains(string(out), `"kind":"complaint"`) && !strings.Contains(string(out), `"mta":"amazonses"`) {
			t.Errorf("--from matching no sender moved %s: %s", p, out)
		}
	}
	run(t, nil, "scan", "maildir", dir, "--unrecognized", "Other", "--report-url", "-")
	if n := countFiles(t, filepath.Join(dir, ".Other", "*", "*")); n != 3 {
		t.Errorf("%d messages in the unrecognized folder, want the 3 ordinary ones", n)
	}
	if n := countFiles(t, filepath.Join(dir, "new", "*")) + countFiles(t, filepath.Join(dir, "cur", "*")); n != 0 {
		t.Errorf("%d messages left", n)
	}
}

// TestScanMaildirFromTakesComplaints: --from 'mailer-daemon|postmaster' (contrib's example) must
// not leave out an ARF complaint (sent by a feedback loop's address) nor an Amazon SES
// notification (sent by SNS); a human message from another sender is still left alone.
func TestScanMaildirFromTakesComplaints(t *testing.T) {
	msgs := testmta.SenderMix(t, "..")
	dir := filepath.Join(t.TempDir(), "Maildir")
	_, humans := seedMaildir(t, dir, msgs, 2)
	hook := testmta.NewWebhook(t)
	code, stderr := run(t, nil, "scan", "maildir", dir, "--from", "mailer-daemon|postmaster", "--report-url", hook.URL())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]string{}
	for _, r := range hook.Reports() {
		got[r.Email] = r.Type
	}
	want := map[string]string{"nouser@remote.test": "hard", "erin@isp.example": "complaint", "sam@gone.example": "soft"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reports %v, want %v", got, want)
	}
	for _, p := range humans {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("a human message was taken: %v", err)
		}
	}
}

// TestScanMaildirSince: --since DAYS leaves alone the messages whose file is older (in new/ and
// in cur/); a scan without it takes them all.
func TestScanMaildirSince(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	bounces, _ := seedMaildir(t, dir, corpusSample(t, 4), 0)
	old := time.Now().AddDate(0, 0, -40)
	for _, name := range bounces[:2] { // one in new/, one in cur/
		for _, sub := range []string{"new", "cur"} {
			os.Chtimes(filepath.Join(dir, sub, name), old, old)
		}
	}
	outbox := filepath.Join(t.TempDir(), "outbox")
	args := []string{"scan", "maildir", dir, "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox, "--no-flush"}
	if code, stderr := run(t, nil, append(args, "--since", "30")...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*")); n != 2 {
		t.Errorf("--since 30: %d moved, want the 2 recent bounces", n)
	}
	if code, stderr := run(t, nil, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := countFiles(t, filepath.Join(dir, ".Bounces.Processed", "*", "*")); n != 4 {
		t.Errorf("without --since: %d moved, want all 4", n)
	}
}
