package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestOutboxTools walks the operator's repair of a refused report: the receiver refuses it
// (422), `outbox list` shows it in failed/ with its email and error, `outbox show` prints it,
// `outbox retry --failed` puts it back, `flush` delivers it once the receiver accepts it, and
// `outbox purge` deletes only old refusals.
func TestOutboxTools(t *testing.T) {
	var status atomic.Int32
	status.Store(422)
	var delivered atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := int(status.Load())
		if code == 200 {
			delivered.Add(1)
		}
		w.WriteHeader(code)
	}))
	defer srv.Close()
	box := filepath.Join(t.TempDir(), "outbox")

	if _, stderr, code := run(t, postfixBounce, "pipe", "--report-url", srv.URL, "--outbox", box); code != 0 {
		t.Fatalf("pipe: exit %d: %s", code, stderr)
	}
	out, stderr, code := run(t, "", "outbox", "list", "--outbox", box)
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, stderr)
	}
	row := regexp.MustCompile(`(?m)^failed +\d+s +1 +jane\.doe\+news@example\.com +hard +userunknown +([0-9a-f]+) +.*422`)
	m := row.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "0 waiting, 0 held, 0 sending, 0 stale, 1 failed") {
		t.Fatalf("list:\n%s", out)
	}
	id := m[1]

	out, _, code = run(t, "", "outbox", "show", "--outbox", box, id)
	var it struct {
		State  string
		Report struct{ Email, Campaign string }
	}
	if err := json.Unmarshal([]byte(out), &it); code != 0 || err != nil || it.State != "failed" || it.Report.Campaign != "oct-2026" {
		t.Fatalf("show: exit %d, %v:\n%s", code, err, out)
	}
	if _, stderr, code := run(t, "", "outbox", "show", "--outbox", box, "nosuchid"); code != 1 || !strings.Contains(stderr, "no such report") {
		t.Errorf("show unknown: exit %d: %s", code, stderr)
	}

	if out, stderr, code := run(t, "", "outbox", "retry", "--outbox", box, "--failed"); code != 0 || !strings.HasPrefix(out, "1 refused reports back in line") {
		t.Fatalf("retry: exit %d: %s%s", code, out, stderr)
	}
	out, _, _ = run(t, "", "outbox", "list", "--outbox", box)
	if !strings.Contains(out, "1 waiting, 0 held, 0 sending, 0 stale, 0 failed") {
		t.Fatalf("after retry:\n%s", out)
	}
	status.Store(200)
	if _, stderr, code := run(t, "", "flush", "--report-url", srv.URL, "--outbox", box); code != 0 || delivered.Load() != 1 {
		t.Fatalf("flush: exit %d, delivered %d: %s", code, delivered.Load(), stderr)
	}
	out, _, _ = run(t, "", "outbox", "list", "--outbox", box)
	if !strings.HasPrefix(out, "0 waiting, 0 held, 0 sending, 0 stale, 0 failed") {
		t.Errorf("after flush:\n%s", out)
	}

	// purge: only the refusals older than the age go.
	old, recent := filepath.Join(box, "failed", "old1.json"), filepath.Join(box, "failed", "new1.json")
	for _, p := range []string{old, recent} {
		os.WriteFile(p, []byte(`{"report":{"id":"x","email":"a@example.com"}}`), 0o640)
	}
	past := time.Now().Add(-40 * 24 * time.Hour)
	os.Chtimes(old, past, past)
	if out, stderr, code := run(t, "", "outbox", "purge", "--outbox", box, "--failed", "--older-than", "30d"); code != 0 || !strings.HasPrefix(out, "1 refused reports") {
		t.Errorf("purge: exit %d: %s%s", code, out, stderr)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("recent refusal purged: %v", err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("old refusal kept: %v", err)
	}
	if _, _, code := run(t, "", "outbox", "purge", "--outbox", box, "--older-than", "30d"); code != 80 {
		t.Errorf("purge without --failed: exit %d", code)
	}
	if _, stderr, code := run(t, "", "outbox", "list", "--outbox", filepath.Join(box, "missing")); code != 1 || !strings.Contains(stderr, "no such file") {
		t.Errorf("list of a missing outbox: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(box, "missing")); !os.IsNotExist(err) {
		t.Errorf("list created the outbox")
	}
}

func TestFormatAgeAndParseAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 12 * time.Minute: "12m", 5*time.Hour + 10*time.Minute: "5h10m", 76 * time.Hour: "3d4h",
	} {
		if got := formatAge(d); got != want {
			t.Errorf("formatAge(%s) = %s, want %s", d, got, want)
		}
	}
	for s, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "12h": 12 * time.Hour, "90m": 90 * time.Minute} {
		if got, err := parseAge(s); err != nil || got != want {
			t.Errorf("parseAge(%s) = %s, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "d", "-1d", "x", "-5m"} {
		if _, err := parseAge(s); err == nil {
			t.Errorf("parseAge(%q) accepted", s)
		}
	}
}

// shellBlock returns the commands of the first sh block after heading in the document at path,
// without their comments.
func shellBlock(t *testing.T, path, heading string) [][]string {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), heading)
	_, block, ok2 := strings.Cut(section, "```sh\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatalf("%s: no sh block under %q", path, heading)
	}
	var commands [][]string
	for _, line := range strings.Split(block, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if args := strings.Fields(line); len(args) > 0 {
			if args[0] != "rebound" {
				t.Fatalf("%s: not a rebound command: %q", path, line)
			}
			commands = append(commands, args[1:])
		}
	}
	return commands
}

// refusedReport makes an outbox holding one report the receiver refused, and returns its id.
func refusedReport(t *testing.T, box string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(422) }))
	defer srv.Close()
	if _, stderr, code := run(t, postfixBounce, "pipe", "--report-url", srv.URL, "--outbox", box); code != 0 {
		t.Fatalf("pipe: exit %d: %s", code, stderr)
	}
	out, _, _ := run(t, "", "outbox", "list", "--outbox", box, "--json")
	var it struct{ ID, State string }
	if err := json.Unmarshal([]byte(out), &it); err != nil || it.ID == "" || it.State != "failed" {
		t.Fatalf("list --json: %v: %s", err, out)
	}
	return it.ID
}

// TestOutboxDocExamples runs the commands of docs/reporting.md's "Watching and repairing the
// outbox" block, and of the README's "Watch and repair" block, as written: only the outbox and
// the receiver are given, and ID is a refused report's id.
func TestOutboxDocExamples(t *testing.T) {
	var delivered atomic.Int32
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			delivered.Add(1)
		}
	}))
	defer ok.Close()
	for _, doc := range []struct{ path, heading string }{
		{"../../docs/reporting.md", "### Watching and repairing the outbox"},
		{"../../README.md", "### Watch and repair"},
	} {
		box := filepath.Join(t.TempDir(), "outbox")
		id := refusedReport(t, box)
		commands := shellBlock(t, doc.path, doc.heading)
		if len(commands) < 4 {
			t.Errorf("%s: %d commands", doc.path, len(commands))
		}
		for _, args := range commands {
			for i, a := range args {
				if a == "ID" {
					args[i] = id
				}
			}
			args = append(args, "--outbox", box)
			if args[0] == "check" || args[0] == "flush" {
				args = append(args, "--report-url", ok.URL)
			}
			if out, stderr, code := run(t, "", args...); code != 0 {
				t.Errorf("%s: rebound %s: exit %d: %s%s", doc.path, strings.Join(args, " "), code, out, stderr)
			}
		}
	}
	if delivered.Load() != 1 {
		t.Errorf("the README's repair delivered %d reports, want the refused one", delivered.Load())
	}
}

// TestOutboxRetryArguments: retry needs exactly one of an id and --failed, and each mistake is
// told for what it is (with neither, it used to say "not both").
func TestOutboxRetryArguments(t *testing.T) {
	box := filepath.Join(t.TempDir(), "outbox")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "say what to retry: a report id (see rebound outbox list) or --failed"},
		{[]string{"0123456789abcdef0123456789abcdef", "--failed"}, "give a report id or --failed, not both"},
	} {
		args := append([]string{"outbox", "retry", "--outbox", box}, tt.args...)
		if _, stderr, code := run(t, "", args...); code != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("rebound %s: exit %d, stderr %q, want %q", strings.Join(args, " "), code, stderr, tt.want)
		}
	}
}
