package pipe_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// failureRemote is a second smtpd of the test Postfix that fails each test domain the way real
// servers do: refusals at RCPT TO, content refused at the end of DATA, a size limit announced
// against MAIL FROM's SIZE, relaying refused for a domain it does not serve.
// failingCommands are pipe(8) services whose commands fail the way local delivery programs do:
// with sysexits' EX_NOUSER (67), which pipe(8) reports as 5.1.1, and with a plain 1.
const failingCommands = `nouser    unix  -       n       n       -       -       pipe
  flags=q user=nobody argv=/bin/sh -c { echo no such mailbox >&2; exit 67 }
crash     unix  -       n       n       -       -       pipe
  flags=q user=nobody argv=/bin/sh -c { echo cannot open the mailbox index >&2; exit 1 }
`

const failureRemote = `127.0.0.1:%d inet n   -       n       -       -       smtpd
  -o syslog_name=postfix/failing-remote
  -o mynetworks=192.0.2.0/24
  -o message_size_limit=4096
  -o smtpd_relay_restrictions=
  -o { smtpd_recipient_restrictions = check_recipient_access inline:{ { full.test = 552 5.2.2 Mailbox full, try again later }, { disabled.test = 550 5.2.1 This account has been disabled }, { blocked.test = 554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org }, { spam.test = OK }, { header.test = OK }, { big.test = OK } }, reject_unauth_destination }
  -o { smtpd_end_of_data_restrictions = check_recipient_access inline:{ { spam.test = 550 5.7.1 Message rejected: classified as spam by the content filter }, { header.test = 550 5.6.0 Header error: message headers fail syntax check } } }
`

// TestPostfixFailureKinds has a real Postfix fail deliveries in the ways a newsletter's mail
// fails: a full mailbox, a disabled account, a blocklisted sending host, content judged to be
// spam, a header refused at the end of DATA, a message too big, relaying refused, a host that refuses connections, a local user that
// does not exist, mail that loops back, a virtual mailbox over its size limit, a local delivery
// command that finds no such user or fails. Each failure is told by a real smtpd's reply or by Postfix's own delivery
// agents; Postfix tries once (maximal_queue_lifetime = 0) and sends its DSN to `rebound pipe`,
// whose reports must name the right reason and kind for each recipient.
func TestPostfixFailureKinds(t *testing.T) {
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test")
	submitPort, failingPort, refusedPort := testmta.FreePort(t), testmta.FreePort(t), testmta.FreePort(t)
	failing := fmt.Sprintf("smtp:[127.0.0.1]:%d", failingPort)
	// pia@quota.test has a virtual(8) mailbox that holds 8,000 bytes: the second message of
	// 4,500 does not fit.
	mailboxes := testmta.WorldDir(t, "rebound-virtual-")
	os.Chown(mailboxes, 65534, 65534)
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{
		SubmitPort: submitPort, RemotePort: 0, // free ports
		Transports: strings.Join([]string{
			"bounce.test=rebound:",
			"full.test=" + failing, "disabled.test=" + failing, "blocked.test=" + failing,
			"spam.test=" + failing, "header.test=" + failing, "big.test=" + failing, "relay.test=" + failing,
			fmt.Sprintf("refused.test=smtp:[127.0.0.1]:%d", refusedPort), // nothing listens there
			fmt.Sprintf("loop.test=smtp:[127.0.0.1]:%d", submitPort),     // this Postfix itself
			"nouser.test=nouser:", "crash.test=crash:",
		}, ", "),
		Services: services + fmt.Sprintf(failureRemote, failingPort) + failingCommands,
		MainExtra: strings.Join([]string{
			"maximal_queue_lifetime = 0",
			"hopcount_limit = 10", // the looping message is refused at its tenth pass
			"message_size_limit = 8000",
			"bounce_size_limit = 1000", // bounces quote only the start of the original
			"virtual_mailbox_domains = quota.test",
			"virtual_mailbox_base = " + mailboxes,
			"virtual_mailbox_maps = inline:{ pia@quota.test=pia }",
			"virtual_uid_maps = static:65534",
			"virtual_gid_maps = static:65534",
			"virtual_mailbox_limit = 8000",
		}, "\n"),
	})

	send := func(to string, bodyBytes int) {
		local, domain, _ := strings.Cut(to, "@")
		from := fmt.Sprintf("bounces+%s=%s@bounce.test", local, domain)
		msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <%s>\r\nSubject: November news\r\nMessage-ID: <%d.%s@lists.test>\r\n\r\nHello.\r\n%s",
			to, time.Now().UnixNano(), strings.ReplaceAll(to, "@", "."), strings.Repeat("Long news paragraph.\r\n", bodyBytes/22))
		if err := pf.Send(from, []string{to}, []byte(msg)); err != nil {
			t.Fatalf("sending to %s: %v", to, err)
		}
	}
	want := []testmta.Report{
		{Type: "soft", Email: "ann@full.test", Reason: "mailboxfull"},
		{Type: "soft", Email: "bob@disabled.test", Reason: "suspend"},
		{Type: "soft", Email: "cy@blocked.test", Reason: "blocked"},
		{Type: "soft", Email: "di@spam.test", Reason: "spamdetected"},
		{Type: "soft", Email: "ed@big.test", Reason: "mesgtoobig"},
		{Type: "soft", Email: "flo@relay.test", Reason: "norelaying"},
		{Type: "soft", Email: "gus@refused.test", Reason: "expired"},
		{Type: "hard", Email: "nosuchuser@localhost", Reason: "userunknown"},
		{Type: "soft", Email: "lou@loop.test", Reason: "networkerror"},
		{Type: "soft", Email: "pia@quota.test", Reason: "mailboxfull"},
		{Type: "hard", Email: "quin@nouser.test", Reason: "userunknown"},
		{Type: "soft", Email: "rex@crash.test", Reason: "mailererror"},
		{Type: "soft", Email: "sol@header.test", Reason: "contenterror"},
	}
	for _, w := range want {
		switch {
		case strings.HasSuffix(w.Email, "@big.test"):
			send(w.Email, 4500) // over the remote's 4,096, under this Postfix's 8,000
		case strings.HasSuffix(w.Email, "@quota.test"):
			send(w.Email, 4500) // delivered
			send(w.Email, 4500) // over the mailbox's limit
		default:
			send(w.Email, 0)
		}
	}
	waitForReports(hook, len(want), 90*time.Second)
	hook.Expect(t, want, pf.Log)
	// Keep Postfix's DSNs as fixtures of the parser's golden tests, named by domain.
	keepFixtures(archive, func(dsn string) string {
		for _, w := range want {
			if strings.Contains(dsn, "Final-Recipient: rfc822; "+w.Email) {
				local, domain, _ := strings.Cut(w.Email, "@")
				return fmt.Sprintf("postfix-%s-%s.eml", strings.TrimSuffix(domain, ".test"), local)
			}
		}
		return ""
	})
}
