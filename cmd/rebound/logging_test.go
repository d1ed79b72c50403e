package main

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestSyslogMissingWarns: --syslog with no syslog daemon to reach says so, and the command logs
// to stderr and works.
func TestSyslogMissingWarns(t *testing.T) {
	cmd := exec.Command(reboundBin, "--syslog", "pipe", "--report-url", "-")
	cmd.Env = append(os.Environ(), syslogTestSocket+"="+filepath.Join(t.TempDir(), "no-such-socket"))
	cmd.Stdin = strings.NewReader(postfixBounce)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), "jane.doe+news@example.com") {
		t.Fatalf("pipe: %v %s\n%s", err, out, stderr.String())
	}
	if !strings.Contains(stderr.String(), `level=WARN msg="--syslog: cannot reach syslog`) ||
		!strings.Contains(stderr.String(), `msg="userunknown hard jane.doe+news@example.com"`) {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

// TestSyslogPriorities: each record reaches syslog's mail facility at the priority of its level
// (ERROR 16+3, WARN 16+4, INFO 16+6, DEBUG 16+7), without the time that syslog stamps itself.
func TestSyslogPriorities(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "log")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o600)
	// An outbox under a file cannot be made (ERROR); a deprecated variable is a WARN; the
	// report's line is INFO; the pipe's report dump is DEBUG.
	cmd := exec.Command(reboundBin, "--syslog", "--log-level", "debug", "pipe", "--report-url", "-", "--outbox", filepath.Join(blocker, "outbox"))
	cmd.Env = append(os.Environ(), syslogTestSocket+"="+sock, "REBOUND_PIPE_TIMEOUT=1m")
	cmd.Stdin = strings.NewReader(postfixBounce)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pipe: %v\n%s", err, out)
	}
	got := map[string][]string{}
	buf := make([]byte, 65536)
	for {
		conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			break // the process has exited: every datagram was read
		}
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`^<(\d+)>.*?rebound\[\d+\]: (.*)$`).FindStringSubmatch(strings.TrimSpace(string(buf[:n])))
		if m == nil {
			t.Fatalf("not a syslog line: %q", buf[:n])
		}
		got[m[1]] = append(got[m[1]], m[2])
	}
	for pri, want := range map[string]string{
		"19": `level=ERROR msg="outbox unusable`,
		"20": `level=WARN msg="environment variable REBOUND_PIPE_TIMEOUT is deprecated`,
		"22": `level=INFO msg="userunknown hard jane.doe+news@example.com"`,
		"23": `level=DEBUG `,
	} {
		found := false
		for _, line := range got[pri] {
			found = found || strings.HasPrefix(line, want)
			if strings.Contains(line, "time=") {
				t.Errorf("syslog line with its own time: %q", line)
			}
		}
		if !found {
			t.Errorf("priority %s: no line starting %q in %q", pri, want, got[pri])
		}
	}
	if len(got) != 4 {
		t.Errorf("priorities %v", got)
	}
}

// TestFlushQuietWhenIdle: a flush with nothing to send prints nothing at the INFO level (the
// contrib cron line mails nothing); one that sends says so.
func TestFlushQuietWhenIdle(t *testing.T) {
	box := filepath.Join(t.TempDir(), "outbox")
	out, stderr, code := run(t, "", "flush", "--report-url", "-", "--outbox", box)
	if code != 0 || out != "" || stderr != "" {
		t.Errorf("idle flush: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	// One report waits (the receiver was down when the pipe ran): flush sends it and says so.
	if _, stderr, code := run(t, postfixBounce, "pipe", "--report-url", "http://127.0.0.1:1/down", "--outbox", box); code != 0 {
		t.Fatalf("pipe: exit %d: %s", code, stderr)
	}
	out, stderr, code = run(t, "", "flush", "--now", "--report-url", "-", "--outbox", box)
	if code != 0 || !strings.Contains(out, "jane.doe+news@example.com") || !strings.Contains(stderr, `level=INFO msg="flush done" delivered=1`) {
		t.Errorf("flush: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, stderr, _ := run(t, "", "--log-level", "debug", "flush", "--report-url", "-", "--outbox", box); !strings.Contains(stderr, `level=DEBUG msg="flush done" delivered=0`) {
		t.Errorf("idle flush at debug: %q", stderr)
	}
}
