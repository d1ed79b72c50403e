package pipe_test

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// providerReply is a reply that a provider documents, the SMTP stage where the fake remote gives
// it, and what rebound must report of the recipient whose mail it refused.
type providerReply struct {
	name   string // fixture name: postfix-provider-<name>.eml
	stage  string // "RCPT" or "DATA"
	lines  []string
	reason string
	hard   bool
}

// providerReplies are replies from providers' published error references (the same texts as
// dsn's TestClassifyPublishedReplies, which names their sources), answered by a fake remote to
// a real Postfix: the DSN that Postfix writes around each must still be read as the reply says.
var providerReplies = []providerReply{
	{"gmail-disabled", "RCPT", []string{"550-5.2.1 The email account that you tried to reach is disabled. Learn more at", "550 5.2.1  https://support.google.com/mail/?p=DisabledUser q1-20020a05 - gsmtp"}, "suspend", false},
	{"gmail-out-of-storage", "RCPT", []string{"552-5.2.2 The recipient's inbox is out of storage space and inbound mail has", "552 5.2.2 been disabled. https://support.google.com/mail/?p=OverQuotaPerm - gsmtp"}, "mailboxfull", false},
	{"gmail-unsolicited", "DATA", []string{"550-5.7.1 Our system has detected that this message is likely unsolicited", "550-5.7.1 mail. To reduce the amount of spam sent to Gmail, this message has", "550 5.7.1 been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError - gsmtp"}, "spamdetected", false},
	{"gmail-illegal-attachment", "DATA", []string{"552-5.7.0 Our system detected an illegal attachment on your message. Please", "552 5.7.0 visit http://mail.google.com/support/bin/answer.py?answer=6590 - gsmtp"}, "policyviolation", false},
	{"outlook-recipient-not-found", "RCPT", []string{"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"}, "userunknown", true},
	{"outlook-ip-not-accepted", "RCPT", []string{"550 5.7.708 Access denied, traffic not accepted from this IP."}, "blocked", false},
	{"yahoo-no-account", "RCPT", []string{"554 delivery error: dd This user doesn't have a yahoo.com account (ann@provider.test) [0] - mta1234.mail.ne1.yahoo.com"}, "userunknown", true},
	// Yahoo gives it after DATA (help.yahoo.com SLN3444: "the recipient's user ID doesn't exist").
	{"yahoo-no-account-data", "DATA", []string{"554 delivery error: dd This user doesn't have a yahoo.com account (ann@provider.test) [0] - mta1234.mail.ne1.yahoo.com"}, "userunknown", true},
	{"yahoo-tss04", "RCPT", []string{"421 4.7.0 [TSS04] Messages from 127.0.0.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"}, "badreputation", false},
	{"icloud-cs01", "RCPT", []string{"550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"}, "policyviolation", false},
	{"orange-ofr999", "RCPT", []string{"421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]"}, "blocked", false},
	{"gmx-ip-block-listed", "RCPT", []string{"554-gmx.net (mxgmx104) Nemesis ESMTP Service not available", "554-No SMTP service", "554-IP address is block listed.", "554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=127.0.0.1"}, "blocked", false},
	{"qq-mailbox-not-found", "RCPT", []string{"550 Mailbox not found or access denied"}, "userunknown", true},
	{"netease-sfq", "RCPT", []string{"451 MI:SFQ 163 mx3,-=-=, please see http://mail.163.com/help/help_spam_16.htm"}, "speeding", false},
	{"mimecast-invalid-recipient", "RCPT", []string{"550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550"}, "userunknown", true},
	{"yandex-no-such-user", "RCPT", []string{"550 5.7.1 No such user!"}, "userunknown", true},
	{"att-suspended", "RCPT", []string{"550 [suspend] Mailbox currently suspended--Please contact correspondent directly."}, "suspend", false},
	{"verizon-571", "RCPT", []string{"571 Email from 127.0.0.1 is currently blocked by Verizon Online's anti-spam system."}, "blocked", false},
	{"postgrey-greylisted", "RCPT", []string{"450 4.7.1 <ann@provider.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/provider.test.html"}, "expired", false},
}

// TestPostfixProviderReplies has a real Postfix relay one message for each reply of
// providerReplies to a fake remote that answers with it; Postfix tries once
// (maximal_queue_lifetime = 0, so a 4xx ends in a bounce too) and sends its DSN to `rebound
// pipe`, whose report must give the reply's reason, hard only for a dead address.
func TestPostfixProviderReplies(t *testing.T) {
	runProviderReplies(t, providerReplies, "postfix-provider-")
}

// runProviderReplies sends one message to <name>@provider.test for each reply through a real
// Postfix and a fake remote, and checks the reports; with REBOUND_UPDATE_FIXTURES set, it keeps
// Postfix's DSNs as testdata/real/<prefix><name>.eml.
func runProviderReplies(t *testing.T, replies []providerReply, prefix string) {
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test")
	remote := startReplyingRemote(t, replies)
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{
		Transports: strings.Join([]string{"bounce.test=rebound:", fmt.Sprintf("provider.test=smtp:[127.0.0.1]:%d", remote)}, ", "),
		Services:   services,
		MainExtra:  "maximal_queue_lifetime = 0\nbounce_size_limit = 1000",
	})
	var want []testmta.Report
	for _, r := range replies {
		to := r.name + "@provider.test"
		from := fmt.Sprintf("bounces+%s=provider.test@bounce.test", r.name)
		msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <%s>\r\nSubject: December news\r\nMessage-ID: <%d.%s@lists.test>\r\n\r\nHello.\r\n", to, time.Now().UnixNano(), r.name)
		if err := pf.Send(from, []string{to}, []byte(msg)); err != nil {
			t.Fatalf("sending to %s: %v", to, err)
		}
		kind := "soft"
		if r.hard {
			kind = "hard"
		}
		want = append(want, testmta.Report{Type: kind, Email: to, Reason: r.reason})
	}
	waitForReports(hook, len(want), 60*time.Second)
	hook.Expect(t, want, pf.Log)
	keepFixtures(archive, func(dsn string) string {
		for _, r := range replies {
			if strings.Contains(dsn, "Final-Recipient: rfc822; "+r.name+"@provider.test") {
				return prefix + r.name + ".eml"
			}
		}
		return ""
	})
}

// waitForReports waits until hook has n reports or the time is up, then a second more, in
// which nothing more may arrive.
func waitForReports(hook *testmta.Webhook, n int, within time.Duration) {
	deadline := time.Now().Add(within)
	for len(hook.Reports()) < n && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second)
}

// keepFixtures, when REBOUND_UPDATE_FIXTURES is set, copies each DSN of the archive Maildir to
// testdata/real under the name that name gives it (none: not kept), as fixtures of the parser's
// golden tests.
func keepFixtures(archive string, name func(dsn string) string) {
	if os.Getenv("REBOUND_UPDATE_FIXTURES") == "" {
		return
	}
	dsns, _ := filepath.Glob(filepath.Join(archive, "new", "*"))
	for _, p := range dsns {
		b, _ := os.ReadFile(p)
		if n := name(string(b)); n != "" {
			os.WriteFile(filepath.Join("..", "testdata", "real", n), b, 0o644)
		}
	}
}

// startReplyingRemote starts an SMTP server on 127.0.0.1 that answers the recipient
// <name>@provider.test with the lines of the reply of that name, at RCPT TO or at the end of
// DATA, and accepts everything else. It returns its port.
func startReplyingRemote(t *testing.T, replies []providerReply) int {
	t.Helper()
	byName := map[string]providerReply{}
	for _, r := range replies {
		byName[r.name] = r
	}
	return serveSessions(t, func(conn net.Conn) { serveReplies(conn, byName) })
}

// serveSessions starts an SMTP server on 127.0.0.1 that runs session on each connection (with
// a 30 s deadline), until the test ends. It returns its port.
func serveSessions(t *testing.T, session func(net.Conn)) int {
	t.Helper()
	port := testmta.FreePort(t)
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(30 * time.Second))
				session(conn)
			}()
		}
	}()
	return port
}

// serveReplies is one SMTP session of the fake remote.
func serveReplies(conn net.Conn, byName map[string]providerReply) {
	in := bufio.NewReader(conn)
	say := func(lines ...string) { fmt.Fprint(conn, strings.Join(lines, "\r\n")+"\r\n") }
	say("220 mx.provider.test ESMTP")
	var atData []string
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250-mx.provider.test", "250-PIPELINING", "250 8BITMIME")
		case strings.HasPrefix(cmd, "MAIL"):
			atData = nil
			say("250 2.1.0 Ok")
		case strings.HasPrefix(cmd, "RCPT"):
			_, addr, _ := strings.Cut(line, "<")
			local, _, _ := strings.Cut(addr, "@")
			r, ok := byName[local]
			switch {
			case ok && r.stage == "RCPT":
				say(r.lines...)
				if strings.HasPrefix(r.lines[0], "421") {
					return // a 421 closes the connection
				}
			default:
				if ok {
					atData = r.lines
				}
				say("250 2.1.5 Ok")
			}
		case cmd == "DATA":
			say("354 End data with <CR><LF>.<CR><LF>")
			for {
				l, err := in.ReadString('\n')
				if err != nil {
					return
				}
				if strings.TrimRight(l, "\r\n") == "." {
					break
				}
			}
			if atData != nil {
				say(atData...)
			} else {
				say("250 2.0.0 Ok: queued")
			}
		case cmd == "QUIT":
			say("221 2.0.0 Bye")
			return
		default:
			say("250 2.0.0 Ok")
		}
	}
}
