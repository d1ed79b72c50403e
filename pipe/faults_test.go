package pipe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

func realDSN(t *testing.T, n int) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "real", fmt.Sprintf("postfix-remote-550-%d.eml", n)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withMessageID gives a copy of a DSN another Message-ID: another bounce, another report id.
func withMessageID(dsn []byte, id string) []byte {
	s := string(dsn)
	i := strings.Index(s, "Message-Id: <")
	j := strings.Index(s[i:], ">")
	return []byte(s[:i] + "Message-Id: <" + id + ">" + s[i+j+1:])
}

func TestReceiverDownThenFlush(t *testing.T) {
	outbox := filepath.Join(t.TempDir(), "outbox")
	code, stderr := runRebound(t, realDSN(t, 1), "pipe", "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (queued): %s", code, stderr)
	}
	queued, _ := filepath.Glob(filepath.Join(outbox, "new", "*.json"))
	if len(queued) != 1 {
		t.Fatalf("%d reports queued, want 1", len(queued))
	}
	hook := testmta.NewWebhook(t)
	if code, stderr := runRebound(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox); code != 0 {
		t.Fatalf("flush exit %d: %s", code, stderr)
	}
	if got := hook.Reports(); len(got) != 1 || got[0].Email != "nouser@remote.test" || got[0].Type != "hard" {
		t.Errorf("received %+v", got)
	}
	// A second flush has nothing left to send.
	runRebound(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox)
	if hook.Posts() != 1 {
		t.Errorf("%d posts, want 1", hook.Posts())
	}
}

func TestOutboxUnwritableAndReceiverDown(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o600)
	code, _ := runRebound(t, realDSN(t, 1), "pipe", "--report-url", "http://127.0.0.1:1/down", "--outbox", filepath.Join(file, "outbox"))
	if code != 75 {
		t.Errorf("exit %d, want 75 (EX_TEMPFAIL: the MTA keeps the message)", code)
	}
	// Outbox unwritable but receiver up: delivered directly.
	hook := testmta.NewWebhook(t)
	if code, stderr := runRebound(t, realDSN(t, 1), "pipe", "--report-url", hook.URL(), "--outbox", filepath.Join(file, "outbox")); code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if len(hook.Reports()) != 1 {
		t.Errorf("received %+v", hook.Reports())
	}
}

func TestReceiver500Then200(t *testing.T) {
	// With an outbox: queued, the immediate send fails, the next flush delivers.
	hook := testmta.NewWebhook(t, 500)
	outbox := filepath.Join(t.TempDir(), "outbox")
	if code, _ := runRebound(t, realDSN(t, 2), "pipe", "--report-url", hook.URL(), "--outbox", outbox); code != 0 {
		t.Fatalf("exit %d", code)
	}
	runRebound(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox)
	if got := hook.Reports(); len(got) != 1 || got[0].Campaign != "" && got[0].Email != "a+b-c=d@remote.test" {
		t.Errorf("received %+v", got)
	}
	// Without an outbox: exit 75, the MTA retries, the second delivery succeeds: one report.
	hook = testmta.NewWebhook(t, 500)
	if code, _ := runRebound(t, realDSN(t, 2), "pipe", "--report-url", hook.URL()); code != 75 {
		t.Errorf("exit %d, want 75", code)
	}
	if code, _ := runRebound(t, realDSN(t, 2), "pipe", "--report-url", hook.URL()); code != 0 {
		t.Errorf("retry exit %d", code)
	}
	if got := hook.Reports(); len(got) != 1 {
		t.Errorf("received %+v", got)
	}
}

func TestConcurrentPipesShareOutbox(t *testing.T) {
	hook := testmta.NewWebhook(t)
	outbox := filepath.Join(t.TempDir(), "outbox")
	base := realDSN(t, 1)
	var wg sync.WaitGroup
	codes := make([]int, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// 10 distinct bounces, each piped twice (an MTA redelivery).
			msg := withMessageID(base, fmt.Sprintf("bounce-%d@mx.test.example", i%10))
			codes[i], _ = runRebound(t, msg, "pipe", "--report-url", hook.URL(), "--outbox", outbox)
		}(i)
	}
	wg.Wait()
	runRebound(t, nil, "flush", "--now", "--report-url", hook.URL(), "--outbox", outbox)
	for i, c := range codes {
		if c != 0 {
			t.Errorf("pipe %d exit %d", i, c)
		}
	}
	if got := hook.Reports(); len(got) != 10 || hook.Duplicates() != 0 {
		t.Errorf("%d reports received, want 10; %d duplicates", len(got), hook.Duplicates())
	}
}

func TestNotMailAndNotBounce(t *testing.T) {
	if code, _ := runRebound(t, []byte("\x00\x01 binary junk"), "pipe", "--report-url", "-"); code != 65 {
		t.Errorf("junk: exit %d, want 65", code)
	}
	keep := filepath.Join(t.TempDir(), "Unrecognized")
	archive := filepath.Join(t.TempDir(), "Archive")
	reply := []byte("From: Jane <jane@example.com>\nTo: bounces@lists.test\nSubject: Re: October news\n\nPlease call me.\n")
	code, stderr := runRebound(t, reply, "pipe", "--report-url", "http://127.0.0.1:1/down", "--keep-unrecognized", keep, "--archive", archive)
	if code != 0 {
		t.Fatalf("human reply: exit %d: %s", code, stderr)
	}
	for _, dir := range []string{keep, archive} {
		files, _ := filepath.Glob(filepath.Join(dir, "new", "*"))
		if len(files) != 1 {
			t.Fatalf("%s holds %d messages", dir, len(files))
		}
		if b, _ := os.ReadFile(files[0]); string(b) != string(reply) {
			t.Errorf("%s: copy differs", dir)
		}
	}
	if !strings.Contains(stderr, "kind=not-bounce") {
		t.Errorf("log line: %s", stderr)
	}
}

// TestHugeStatusPartDeferred: a DSN of 100,000 recipients, more than the parser keeps, is not
// reported in part: pipe exits 75 (the MTA keeps it) and says why, and nothing is queued.
func TestHugeStatusPartDeferred(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\n" +
		"Reporting-MTA: dns; mx.example.org\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, "\nFinal-Recipient: rfc822; user%06d@example.com\nAction: failed\nStatus: 5.1.1\n", i)
	}
	b.WriteString("\n--B--\n")
	outbox := filepath.Join(t.TempDir(), "outbox")
	code, stderr := runRebound(t, []byte(b.String()), "pipe", "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox)
	if code != 75 {
		t.Errorf("exit %d, want 75", code)
	}
	if !strings.Contains(stderr, "delivery-status part larger than") {
		t.Errorf("stderr does not say why: %s", stderr)
	}
	if queued, _ := filepath.Glob(filepath.Join(outbox, "new", "*.json")); len(queued) != 0 {
		t.Errorf("%d reports queued from a message cut in half", len(queued))
	}
}
