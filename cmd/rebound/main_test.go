package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// reboundBin is the rebound binary built once for the tests that run it as a user would.
var reboundBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rebound-bin")
	if err != nil {
		panic(err)
	}
	reboundBin = filepath.Join(dir, "rebound")
	if out, err := exec.Command("go", "build", "-o", reboundBin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the rebound binary with stdin and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runBinary(t, reboundBin, stdin, args...)
}

// runBinary runs bin with stdin and returns stdout, stderr and the exit code.
func runBinary(t *testing.T, bin, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

const postfixBounce = `From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: bounces+jane.doe+news=example.com@lists.example.org
Subject: Undelivered Mail Returned to Sender
Message-Id: <b1@mx.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

<jane.doe+news@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1
    <jane.doe+news@example.com>: Recipient address rejected: User unknown (in reply
    to RCPT TO command)

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; jane.doe+news@example.com
Action: failed
Status: 5.0.0
Diagnostic-Code: smtp; 550 5.1.1 <jane.doe+news@example.com>: Recipient address
    rejected: User unknown

--B
Content-Type: text/rfc822-headers

From: news@lists.example.org
To: jane.doe+news@example.com
Subject: October news
Message-ID: <n1@lists.example.org>
X-Campaign-ID: oct-2026

--B--
`

type parseLine struct {
	Source     string                               `json:"source"`
	Kind       string                               `json:"kind"`
	Original   struct{ Campaign, MessageID string } `json:"original"`
	Recipients []struct {
		Address, Status, ReplyCode, Action, Command string
	} `json:"recipients"`
}

func decodeLines(t *testing.T, out string) []parseLine {
	t.Helper()
	var lines []parseLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var p parseLine
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatalf("not JSON: %q: %v", l, err)
		}
		lines = append(lines, p)
	}
	return lines
}

func TestParseStdinJSON(t *testing.T) {
	out, stderr, code := run(t, postfixBounce, "parse", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := decodeLines(t, out)
	if len(lines) != 1 {
		t.Fatalf("want one line, got %d", len(lines))
	}
	p := lines[0]
	if p.Source != "-" || p.Kind != "bounce" || p.Original.Campaign != "oct-2026" || len(p.Recipients) != 1 {
		t.Fatalf("got %+v", p)
	}
	if r := p.Recipients[0]; r.Address != "jane.doe+news@example.com" || r.Status != "5.1.1" || r.Action != "failed" {
		t.Errorf("recipient %+v", r)
	}
}

func TestParseFilesMboxAndErrors(t *testing.T) {
	dir := t.TempDir()
	mbox := "From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + postfixBounce + "\nFrom someone Mon Jan  1 00:00:01 2024\nFrom: Jane <jane@example.com>\nSubject: hello\n\nA human reply.\n"
	files := map[string]string{"a.eml": postfixBounce, "b.mbox": mbox, "c.eml": ""}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := run(t, "", "parse", "--json", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one file is not a message)", code)
	}
	if !strings.Contains(stderr, "c.eml") {
		t.Errorf("stderr does not name the bad file: %q", stderr)
	}
	lines := decodeLines(t, out)
	var sources, kinds []string
	for _, l := range lines {
		sources = append(sources, filepath.Base(l.Source))
		kinds = append(kinds, l.Kind)
	}
	if got := strings.Join(sources, ","); got != "a.eml,b.mbox#1,b.mbox#2" {
		t.Errorf("sources %s", got)
	}
	if got := strings.Join(kinds, ","); got != "bounce,bounce,not-bounce" {
		t.Errorf("kinds %s", got)
	}
}

func TestParseTable(t *testing.T) {
	out, _, code := run(t, postfixBounce, "parse", "-")
	if code != 0 || !strings.Contains(out, "jane.doe+news@example.com") || !strings.Contains(out, "5.1.1") {
		t.Errorf("exit %d, table:\n%s", code, out)
	}
}

// TestOptionsFromEnvironmentAndFile: an option given as an environment variable, or as a key of
// the --config file (top level or in the command's section), works like its flag; the flag wins.
func TestOptionsFromEnvironmentAndFile(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep")
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(config, []byte("report-url: http://127.0.0.1:1/never\npipe:\n  keep-unrecognized: "+keep+"\n"), 0o644)
	reply := "From: Jane <jane@example.com>\nSubject: hello\n\nHi.\n"

	// The file: the human reply is kept where the pipe section says.
	if _, stderr, code := run(t, reply, "--config", config, "pipe"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(keep, "new", "*")); len(files) != 1 {
		t.Errorf("kept %d messages", len(files))
	}
	// The environment beats the file; the flag beats the environment.
	cmd := exec.Command(reboundBin, "--config", config, "pipe")
	cmd.Env = append(os.Environ(), "REBOUND_REPORT_URL=-")
	cmd.Stdin = strings.NewReader(postfixBounce)
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), `"email":"jane.doe+news@example.com"`) {
		t.Errorf("env: %v %s", err, out)
	}
	cmd = exec.Command(reboundBin, "--config", config, "pipe", "--report-url", "-")
	cmd.Env = append(os.Environ(), "REBOUND_REPORT_URL=http://127.0.0.1:1/never")
	cmd.Stdin = strings.NewReader(postfixBounce)
	if out, err := cmd.Output(); err != nil || !strings.Contains(string(out), `"type":"hard"`) {
		t.Errorf("flag: %v %s", err, out)
	}
}

func TestCheck(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodOptions || r.Header.Get("Authorization") != "Bearer t" {
			w.WriteHeader(401)
			return
		}
		w.WriteHeader(204)
	}))
	defer srv.Close()
	cmd := exec.Command(reboundBin, "check", "--report-url", srv.URL, "--outbox", t.TempDir())
	cmd.Env = append(os.Environ(), "REBOUND_REPORT_TOKEN=t")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "ok    report endpoint") {
		t.Errorf("check: %v\n%s", err, out)
	}
	cmd = exec.Command(reboundBin, "check", "--report-url", srv.URL)
	cmd.Env = append(os.Environ(), "REBOUND_REPORT_TOKEN=wrong")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "FAIL") {
		t.Errorf("check with a bad token passed:\n%s", out)
	}
}

// TestRulesFileWithCapitals: a --rules regexp written with capitals matches (the diagnostic is
// matched in any case).
func TestRulesFileWithCapitals(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "rebound.rules")
	os.WriteFile(rules, []byte(`regexp "Recipient Address REJECTED: User" filtered`+"\n"), 0o600)
	out, stderr, code := run(t, postfixBounce, "parse", "--rules", rules, "--json", "-")
	if code != 0 || !strings.Contains(out, `"reason":"filtered"`) {
		t.Errorf("exit %d: %s\n%s", code, stderr, out)
	}
}
