package pipe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// TestPostfixEndToEnd sends campaign mail through a real Postfix to a fake remote that refuses
// the recipients. Postfix's own DSNs go back to the VERP return paths, which Postfix routes to a
// pipe(8) transport running `rebound pipe` as in contrib/postfix/master.cf; rebound posts to the
// test's webhook, which must receive exactly the expected reports.
func TestPostfixEndToEnd(t *testing.T) {
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test", "{campaign}-no-reply-{local}={domain}@bounce.test")
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{
		SubmitPort: 0, RemotePort: 0, // free ports
		Transports:   "bounce.test=rebound:",
		Services:     services,
		DelayWarning: "1s",
	})

	send := func(from, to, header string) {
		msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <%s>\r\nSubject: October news\r\nMessage-ID: <%d.%s@lists.test>\r\n%s\r\nHello.\r\n",
			to, time.Now().UnixNano(), strings.ReplaceAll(to, "@", "."), header)
		if err := pf.Send(from, []string{to}, []byte(msg)); err != nil {
			t.Fatalf("sending to %s: %v", to, err)
		}
	}
	// Campaign in a header, plain VERP; campaign in the VERP, and a local part full of separators.
	send("bounces+nouser=remote.test@bounce.test", "nouser@remote.test", "X-Campaign-ID: camp-7\r\n")
	send("c42-no-reply-a+b-c=d=remote.test@bounce.test", "a+b-c=d@remote.test", "")
	// A mailbox over quota: the remote defers, Postfix sends a delay notice, which rebound must
	// not report (delays are reported only with --report-delays).
	send("bounces+full=tempfail.test@bounce.test", "full@tempfail.test", "X-Campaign-ID: camp-7\r\n")

	want := []testmta.Report{
		{Type: "hard", Email: "a+b-c=d@remote.test", Reason: "userunknown", Campaign: "c42"},
		{Type: "hard", Email: "nouser@remote.test", Reason: "userunknown", Campaign: "camp-7"},
	}
	archived := func() []string {
		files, _ := filepath.Glob(filepath.Join(archive, "new", "*"))
		return files
	}
	deadline := time.Now().Add(60 * time.Second)
	for (len(hook.Reports()) < len(want) || len(archived()) < 3) && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // nothing more may arrive
	hook.Expect(t, want, pf.Log)
	if !strings.Contains(pf.Log(), "status=sent (delivered via rebound service") {
		t.Errorf("Postfix did not deliver the bounces to rebound:\n%s", pf.Log())
	}
	// The archive holds Postfix's real DSNs (two bounces, one delay notice); refresh the
	// fixtures from them when asked.
	dsns := archived()
	if len(dsns) != 3 {
		t.Fatalf("archive holds %d messages, want 3\n%s", len(dsns), pf.Log())
	}
	if os.Getenv("REBOUND_UPDATE_FIXTURES") != "" {
		n := 0
		for _, p := range dsns {
			b, _ := os.ReadFile(p)
			name := "postfix-delayed-450.eml"
			if !strings.Contains(string(b), "Action: delayed") {
				n++
				name = fmt.Sprintf("postfix-remote-550-%d.eml", n)
			}
			os.WriteFile(filepath.Join("..", "testdata", "real", name), b, 0o644)
		}
	}
}
