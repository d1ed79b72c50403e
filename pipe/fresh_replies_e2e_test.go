package pipe_test

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/freshreplies"
	"github.com/rebound/rebound/internal/testmta"
)

// TestPostfixFreshReplies has a real Postfix relay one message for each held-out reply of
// internal/freshreplies to a fake remote that gives it at its stage: at RCPT TO or after DATA
// (one remote for all of them, on provider.test), or at the greeting, in reply to EHLO/HELO or
// in reply to MAIL FROM (one remote for each, on its own domain <name>.test). Postfix tries once, so a 4xx ends in a
// bounce too; rebound pipe must report each recipient once, with its reply's reason (or the
// second honest reading noted beside it, or the documented reading of freshreplies.Readings),
// hard only for a dead address, and report no other address.
func TestPostfixFreshReplies(t *testing.T) {
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test")
	rcptOf := func(r freshreplies.Reply) string {
		if onOwnRemote(r.Stage) {
			return r.Name + "@" + r.Name + ".test"
		}
		return r.Name + "@provider.test"
	}
	senderOf := func(rcpt string) string {
		local, domain, _ := strings.Cut(rcpt, "@")
		return fmt.Sprintf("bounces+%s=%s@bounce.test", local, domain)
	}
	var atSession []providerReply
	transports := []string{"bounce.test=rebound:"}
	for _, r := range freshreplies.All {
		rcpt := rcptOf(r)
		lines := make([]string, len(r.Lines))
		for i, l := range r.Lines {
			lines[i] = freshreplies.Fill(l, rcpt, senderOf(rcpt))
		}
		switch {
		case onOwnRemote(r.Stage):
			port := startSessionRemote(t, r.Stage, lines)
			transports = append(transports, fmt.Sprintf("%s.test=smtp:[127.0.0.1]:%d", r.Name, port))
		default:
			atSession = append(atSession, providerReply{name: r.Name, stage: string(r.Stage), lines: lines})
		}
	}
	transports = append(transports, fmt.Sprintf("provider.test=smtp:[127.0.0.1]:%d", startReplyingRemote(t, atSession)))
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{
		Transports: strings.Join(transports, ", "),
		Services:   services,
		MainExtra:  "maximal_queue_lifetime = 0\nbounce_size_limit = 1000",
	})
	for _, r := range freshreplies.All {
		rcpt := rcptOf(r)
		msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <%s>\r\nSubject: December news\r\nMessage-ID: <%d.%s@lists.test>\r\n\r\nHello.\r\n", rcpt, time.Now().UnixNano(), r.Name)
		if err := pf.Send(senderOf(rcpt), []string{rcpt}, []byte(msg)); err != nil {
			t.Fatalf("sending to %s: %v", rcpt, err)
		}
	}
	n := len(freshreplies.All)
	waitForReports(hook, n, 60*time.Second)

	byEmail := map[string][]testmta.Report{}
	for _, rep := range hook.Reports() {
		byEmail[rep.Email] = append(byEmail[rep.Email], rep)
	}
	var tally freshreplies.Tally
	for _, r := range freshreplies.All {
		f := tally.Of(r)
		rcpt := rcptOf(r)
		reps := byEmail[rcpt]
		delete(byEmail, rcpt)
		if len(reps) != 1 {
			t.Errorf("%s: %d reports, want 1", rcpt, len(reps))
			if len(reps) == 0 {
				continue
			}
		}
		got := reps[0]
		v := r.Judge(got.Reason, "")
		report := t.Errorf
		if r.IsOpen() {
			report = t.Logf // an open miss of the fifth set: counted, not yet fixed
		}
		if v == freshreplies.Wrong {
			report("%s (%s at %s): reason %s, want %s", rcpt, r.Text(rcpt, senderOf(rcpt)), r.Stage, got.Reason, wantReading(r))
		}
		wantType := "soft"
		if r.HardAs(r.Reading(got.Reason)) {
			wantType = "hard"
		}
		if got.Type != wantType {
			report("%s: reported %s, want %s", rcpt, got.Type, wantType)
		}
		f.Count(v, got.Type == wantType)
	}
	var wrong int
	for email, reps := range byEmail {
		wrong += len(reps)
		t.Errorf("reported an address that no reply was about: %s (%v)", email, reps)
	}
	for i, f := range tally.Sets {
		t.Logf("held-out set %d through Postfix: %v", i+1, f)
	}
	t.Logf("other addresses reported: %d", wrong)
	if t.Failed() {
		t.Log(pf.Log())
	}
	keepFixtures(archive, func(dsn string) string {
		for _, r := range freshreplies.All {
			if strings.Contains(dsn, "Final-Recipient: rfc822; "+rcptOf(r)+"\n") || strings.Contains(dsn, "Final-Recipient: rfc822; "+rcptOf(r)+"\r\n") {
				return "postfix-fresh-" + r.Name + ".eml"
			}
		}
		return ""
	})
}

func wantReading(r freshreplies.Reply) string {
	if r.Alt != "" {
		return r.Reason + " (or " + r.Alt + ")"
	}
	return r.Reason
}

// onOwnRemote tells whether a reply of that stage needs a remote of its own: it is given before
// the recipient is known.
func onOwnRemote(stage freshreplies.Stage) bool {
	return stage == freshreplies.Conn || stage == freshreplies.Helo || stage == freshreplies.Mail
}

// startSessionRemote starts an SMTP server on 127.0.0.1 that gives lines at the greeting
// (stage CONN), in reply to EHLO and HELO (stage HELO) or in reply to MAIL FROM (stage MAIL),
// whoever the message is for, and closes the connection after a 421. It returns its port.
func startSessionRemote(t *testing.T, stage freshreplies.Stage, lines []string) int {
	t.Helper()
	return serveSessions(t, func(conn net.Conn) { serveAtStage(conn, stage, lines) })
}

// serveAtStage is one SMTP session of startSessionRemote's server.
func serveAtStage(conn net.Conn, stage freshreplies.Stage, lines []string) {
	in := bufio.NewReader(conn)
	say := func(lines ...string) { fmt.Fprint(conn, strings.Join(lines, "\r\n")+"\r\n") }
	closes := strings.HasPrefix(lines[0], "421")
	if stage == freshreplies.Conn {
		say(lines...)
		if closes {
			return
		}
	} else {
		say("220 mx.provider.test ESMTP")
	}
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case stage == freshreplies.Conn && cmd != "QUIT":
			say("503 5.5.1 Bad sequence of commands")
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			if stage == freshreplies.Helo {
				say(lines...)
				if closes {
					return
				}
				continue
			}
			say("250-mx.provider.test", "250 8BITMIME")
		case strings.HasPrefix(cmd, "MAIL"):
			say(lines...)
			if closes {
				return
			}
		case cmd == "QUIT":
			say("221 2.0.0 Bye")
			return
		default:
			say("503 5.5.1 Bad sequence of commands")
		}
	}
}
