package pipe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// TestDovecotRefusalsEndToEnd delivers campaign mail with a real Dovecot LDA to a user whose
// Sieve script rejects it (an RFC 5429 refusal, sent back as a message disposition notification)
// and to a user over quota (a DSN). Both go back through the LDA's sendmail command to `rebound
// pipe`, which must report each recipient once with its reason.
func TestDovecotRefusalsEndToEnd(t *testing.T) {
	hook := testmta.NewWebhook(t)
	work := testmta.WorldDir(t, "rebound-lda-e2e-")
	outbox := filepath.Join(work, "outbox")
	os.MkdirAll(outbox, 0o755)
	os.Chown(outbox, 65534, 65534)
	lda := testmta.StartLDA(t, fmt.Sprintf("%s pipe --report-url %s --outbox %s", reboundBin, hook.URL(), outbox),
		"I do not accept newsletters. Please remove me from your list.")

	newsletter := func(to string, body string) []byte {
		return []byte(fmt.Sprintf("From: News <news@lists.example.org>\nTo: %s\nSubject: November news\nMessage-ID: <nov.%s>\nX-Campaign-ID: nov-2026\n\n%s\n", to, to, body))
	}
	big := make([]byte, 4096)
	for i := range big {
		big[i] = 'a' + byte(i%26)
		if i%70 == 69 {
			big[i] = '\n'
		}
	}
	lda.Deliver(t, "bounces+reject=example.com@lists.example.org", "reject@example.com", newsletter("reject@example.com", "Hello."))
	lda.Deliver(t, "bounces+full=example.com@lists.example.org", "full@example.com", newsletter("full@example.com", string(big)))

	want := []testmta.Report{
		{Type: "soft", Email: "full@example.com", Reason: "mailboxfull", Campaign: "nov-2026"},
		{Type: "soft", Email: "reject@example.com", Reason: "filtered", Campaign: "nov-2026"},
	}
	for deadline := time.Now().Add(20 * time.Second); len(hook.Reports()) < len(want) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	hook.Expect(t, want, lda.Log)
}
