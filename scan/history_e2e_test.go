package scan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/testmta"
)

// TestScanHistoryPolicy: a Maildir holding three mailbox-full bounces three days apart, a user
// unknown and a block of the sender's IP, scanned with a history: the full mailbox is reported
// soft, soft, hard whatever order the files are met in; the user unknown hard; the block not at
// all; a second scan of the same bounces adds no event.
func TestScanHistoryPolicy(t *testing.T) {
	nov1 := time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
	dir := filepath.Join(t.TempDir(), "Maildir")
	for _, sub := range []string{"new", "cur", "tmp"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o700)
	}
	msgs := [][]byte{
		testmta.Redated(t, "..", "examples/postfix-user-unknown.eml", "unknown@mx.test.example", nov1),
		testmta.Redated(t, "..", "real/exim-remote-554-blocklist.eml", "block@mx.exim.test", nov1),
	}
	for i := 0; i < 3; i++ {
		msgs = append(msgs, testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", fmt.Sprintf("full-%d@mx1.example.org", i), nov1.AddDate(0, 0, 3*i)))
	}
	for i, m := range msgs {
		os.WriteFile(filepath.Join(dir, "new", fmt.Sprintf("17000000%02d.M%dP1.test", i, i)), m, 0o600)
	}
	hist := filepath.Join(t.TempDir(), "history.db")
	reports := scanReports(t, dir, hist)

	var got []string
	for _, r := range reports {
		s := r.Email + " " + r.Type
		if r.Type == "hard" && r.Reason == "mailboxfull" {
			s += fmt.Sprintf(" strikes=%d first=%s", r.Strikes, r.FirstSeen)
		}
		got = append(got, s)
	}
	sort.Strings(got)
	want := []string{
		"carol@example.net hard strikes=3 first=2026-11-01T09:30:00Z",
		"carol@example.net soft",
		"carol@example.net soft",
		"nouser@remote.test hard",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The same bounces scanned again (put back in new/): the same decisions, no new events.
	backup := filepath.Join(dir, ".Bounces.Processed")
	files, _ := filepath.Glob(filepath.Join(backup, "*", "*.test*"))
	if len(files) != 5 {
		t.Fatalf("%d messages in the backup folder, want 5", len(files))
	}
	for _, f := range files {
		os.Rename(f, filepath.Join(dir, "new", strings.Split(filepath.Base(f), ":")[0]))
	}
	if again := scanReports(t, dir, hist); len(again) != 4 {
		t.Errorf("second scan: %d reports, want the same 4", len(again))
	}
	// Both scans counted in the metrics file: 5 bounces each, the block held back each time.
	fams := testmta.ParseProm(t, hist+".prom")
	for _, c := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"rebound_messages_total", map[string]string{"command": "scan", "kind": "bounce"}, 10},
		{"rebound_reports_total", map[string]string{"result": "held"}, 2},
		{"rebound_reports_total", map[string]string{"result": "delivered"}, 8},
	} {
		if got, _ := testmta.PromValue(fams, c.name, c.labels); got != c.want {
			t.Errorf("metrics %s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}

	cmd := exec.Command(reboundBin, "stats", "--history", hist, "--since", "3650d", "--by", "category")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("stats: %v: %s", err, out)
	}
	// recipient: 3 full mailboxes and a user unknown; antispam: the block.
	for _, line := range []string{"recipient  4  2  2  0  0  0", "antispam  1  0  0  1  0  0", "total  5  2  2  1  0  0"} {
		if !strings.Contains(squeeze(string(out)), line) {
			t.Errorf("stats lack %q:\n%s", line, out)
		}
	}
}

func scanReports(t *testing.T, dir, hist string) []feedback.Report {
	t.Helper()
	cmd := exec.Command(reboundBin, "scan", "maildir", dir, "--history", hist, "--report-url", "-", "--from", "", "--metrics-file", hist+".prom")
	cmd.Env = append(os.Environ(), "REBOUND_CONFIG=/dev/null")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("scan: %v: %s", err, stderr.String())
	}
	var out []feedback.Report
	dec := json.NewDecoder(&stdout)
	for dec.More() {
		var r feedback.Report
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("scan output: %v", err)
		}
		out = append(out, r)
	}
	return out
}

func squeeze(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		b.WriteString(strings.Join(strings.Fields(line), "  ") + "\n")
	}
	return b.String()
}
