package pipe_test

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/freshreplies"
	"github.com/rebound/rebound/internal/testmta"
)

// TestPostfixFreshReplies has a real Postfix relay one message for each held-out reply of
// internal/freshreplies to a fake remote that gives it at its stage: at RCPT TO or after DATA
// (one remote for all of them, on provider.test), or at the greeting or in reply to MAIL FROM
// (one remote for each, on its own domain <name>.test). Postfix tries once, so a 4xx ends in a
// bounce too; rebound pipe must report each recipient once, with its reply's reason (or the
// second honest reading noted beside it, or the documented reading of freshreplies.Readings),
// hard only for a dead address, and report no other address.
func TestPostfixFreshReplies(t *testing.T) {
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test")
	rcptOf := func(r freshreplies.Reply) string {
		if r.Stage == freshreplies.Conn || r.Stage == freshreplies.Mail {
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
	for _, r := range freshreplies.Replies {
		rcpt := rcptOf(r)
		lines := make([]string, len(r.Lines))
		for i, l := range r.Lines {
			lines[i] = freshreplies.Fill(l, rcpt, senderOf(rcpt))
		}
		switch r.Stage {
		case freshreplies.Conn, freshreplies.Mail:
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
	for _, r := range freshreplies.Replies {
		rcpt := rcptOf(r)
		msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <%s>\r\nSubject: December news\r\nMessage-ID: <%d.%s@lists.test>\r\n\r\nHello.\r\n", rcpt, time.Now().UnixNano(), r.Name)
		if err := pf.Send(senderOf(rcpt), []string{rcpt}, []byte(msg)); err != nil {
			t.Fatalf("sending to %s: %v", rcpt, err)
		}
	}
	n := len(freshreplies.Replies)
	waitForReports(hook, n, 60*time.Second)

	byEmail := map[string][]testmta.Report{}
	for _, rep := range hook.Reports() {
		byEmail[rep.Email] = append(byEmail[rep.Email], rep)
	}
	var reported, reason, withAlt, hard int
	for _, r := range freshreplies.Replies {
		rcpt := rcptOf(r)
		reps := byEmail[rcpt]
		delete(byEmail, rcpt)
		if len(reps) != 1 {
			t.Errorf("%s: %d reports, want 1", rcpt, len(reps))
			if len(reps) == 0 {
				continue
			}
		}
		reported++
		got := reps[0]
		if got.Reason == r.Reason {
			reason++
		}
		switch documented, isDocumented := freshreplies.Readings[r.Name]; {
		case got.Reason == r.Reason || (r.Alt != "" && got.Reason == r.Alt):
			withAlt++
		case isDocumented && got.Reason == documented:
			// read otherwise by a documented rule: a miss, counted as one
		default:
			t.Errorf("%s (%s at %s): reason %s, want %s", rcpt, r.Text(rcpt, senderOf(rcpt)), r.Stage, got.Reason, wantReading(r))
		}
		wantType := "soft"
		if r.HardAs(r.Reading(got.Reason)) {
			wantType = "hard"
		}
		if got.Type == wantType {
			hard++
		} else {
			t.Errorf("%s: reported %s, want %s", rcpt, got.Type, wantType)
		}
	}
	var wrong int
	for email, reps := range byEmail {
		wrong += len(reps)
		t.Errorf("reported an address that no reply was about: %s (%v)", email, reps)
	}
	t.Logf("held-out replies through Postfix: %d; reported %d (and %d other addresses); reason %d (%.1f%%), with the second readings %d (%.1f%%); hard/soft right %d (%.1f%%)",
		n, reported, wrong, reason, pct(reason, n), withAlt, pct(withAlt, n), hard, pct(hard, n))
	if t.Failed() {
		t.Log(pf.Log())
	}
	keepFixtures(archive, func(dsn string) string {
		for _, r := range freshreplies.Replies {
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

func pct(k, n int) float64 { return 100 * float64(k) / float64(n) }

// startSessionRemote starts an SMTP server on 127.0.0.1 that gives lines at the greeting
// (stage CONN) or in reply to MAIL FROM (stage MAIL), whoever the message is for, and closes
// the connection after a 421. It returns its port.
func startSessionRemote(t *testing.T, stage freshreplies.Stage, lines []string) int {
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
				serveAtStage(conn, stage, lines)
			}()
		}
	}()
	return port
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
