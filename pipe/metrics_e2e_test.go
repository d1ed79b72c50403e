package pipe_test

import (
	"path/filepath"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// TestPipeMetricsFile: pipe and flush keep a textfile-collector file that Prometheus' own
// parser reads, with the counts of what they did.
func TestPipeMetricsFile(t *testing.T) {
	hook := testmta.NewWebhook(t)
	work := t.TempDir()
	prom := filepath.Join(work, "rebound.prom")
	args := []string{"--config", "/dev/null", "pipe", "--report-url", hook.URL(), "--outbox", filepath.Join(work, "outbox"),
		"--history", filepath.Join(work, "history.db"), "--metrics-file", prom}
	for _, msg := range [][]byte{
		testmta.Redated(t, "..", "examples/exim-mailbox-full.eml", "m1@mx1.example.org", nov1),
		testmta.Redated(t, "..", "examples/postfix-user-unknown.eml", "m2@mx.test.example", nov1),
		testmta.Redated(t, "..", "real/exim-remote-554-blocklist.eml", "m3@mx.exim.test", nov1),
		[]byte("From: a friend <f@example.com>\r\nSubject: hello\r\n\r\nhi\r\n"),
	} {
		if code, _, stderr := runOut(t, msg, args...); code != 0 {
			t.Fatalf("pipe: exit %d: %s", code, stderr)
		}
	}
	if code, _, stderr := runOut(t, nil, "--config", "/dev/null", "flush", "--report-url", hook.URL(), "--outbox", filepath.Join(work, "outbox"), "--metrics-file", prom); code != 0 {
		t.Fatalf("flush: exit %d: %s", code, stderr)
	}
	fams := testmta.ParseProm(t, prom)
	value := func(name string, labels map[string]string) float64 {
		t.Helper()
		v, ok := testmta.PromValue(fams, name, labels)
		if !ok {
			t.Errorf("no series %s%v", name, labels)
			return -1
		}
		return v
	}
	checks := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"rebound_messages_total", map[string]string{"command": "pipe", "kind": "bounce"}, 3},
		{"rebound_messages_total", map[string]string{"command": "pipe", "kind": "not-bounce"}, 1},
		{"rebound_events_total", map[string]string{"reason": "mailboxfull", "category": "recipient", "type": "soft"}, 1},
		{"rebound_events_total", map[string]string{"reason": "userunknown", "category": "recipient", "type": "hard"}, 1},
		{"rebound_events_total", map[string]string{"reason": "blocked", "category": "antispam", "type": "none"}, 1},
		{"rebound_reports_total", map[string]string{"result": "queued"}, 2},
		{"rebound_reports_total", map[string]string{"result": "delivered"}, 2},
		{"rebound_reports_total", map[string]string{"result": "held"}, 1},
		{"rebound_reports_total", map[string]string{"result": "failed"}, 0},
		{"rebound_outbox_waiting", nil, 0},
		{"rebound_outbox_failed", nil, 0},
	}
	for _, c := range checks {
		if got := value(c.name, c.labels); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if value("rebound_last_success_timestamp_seconds", nil) <= 0 {
		t.Error("no time of last success")
	}
	for _, cmd := range []string{"pipe", "flush"} {
		if value("rebound_last_run_timestamp_seconds", map[string]string{"command": cmd}) <= 0 {
			t.Errorf("no time of the last %s", cmd)
		}
	}
	if got := len(hook.Reports()); got != 2 {
		t.Errorf("webhook got %d reports, want 2", got)
	}
}
