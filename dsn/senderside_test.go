package dsn_test

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/mailsource"
	"github.com/rebound/rebound/verp"
)

// listBounce is a text bounce for a post of the list news@lists.example.org, sent to the VERP
// address of mira.k@example.net; body is the notice's text.
func listBounce(body string) string {
	return `Return-Path: <>
From: Mail Delivery System <mailer-daemon@mx.example.net>
To: bounces+mira.k=example.net@lists.example.org
Subject: Mail delivery failed: returning message to sender
Message-ID: <sender-side@mx.example.net>

` + body + `

------ This is a copy of the message, including all the headers. ------

Return-Path: <bounces+mira.k=example.net@lists.example.org>
From: Example News <news@lists.example.org>
Sender: news-bounces@lists.example.org
To: mira.k@example.net
Subject: [news] November
List-Id: Example News <news.lists.example.org>
List-Post: <mailto:news@lists.example.org>
List-Owner: <mailto:news-owner@lists.example.org>
List-Unsubscribe: <mailto:news-request@lists.example.org?subject=unsubscribe>
Message-ID: <post-1@lists.example.org>

Hello.
`
}

// listSenderAddresses are the sender's own addresses in a listBounce.
var listSenderAddresses = []string{
	"news@lists.example.org",                       // From, List-Post, List-Id
	"news-bounces@lists.example.org",               // Sender
	"news-owner@lists.example.org",                 // List-Owner
	"news-request@lists.example.org",               // List-Unsubscribe
	"owner-news@lists.example.org",                 // a list robot
	"bounces+mira.k=example.net@lists.example.org", // the VERP bounce address, Return-Path
}

// TestSenderSideNeverReported parses bounces whose text names the sender's own addresses as if
// they had failed (the list's posting address, its owner, its bounce address, the From of the
// returned message): none of them is a recipient, and the real one is found.
// addressesOf lists a report's recipients, comma-separated, in their order.
func addressesOf(rep *dsn.Report) string {
	var addrs []string
	for _, r := range rep.Recipients {
		addrs = append(addrs, r.Address)
	}
	return strings.Join(addrs, ",")
}

func TestSenderSideNeverReported(t *testing.T) {
	tests := []struct {
		name, body   string
		want         string // the recipients, comma-separated
		wantEvidence dsn.Evidence
	}{
		{"posting address on a recipient line", "The following address(es) failed:\n\n  news@lists.example.org\n    SMTP error from remote mail server after RCPT TO:<news@lists.example.org>:\n    550 5.1.1 User unknown\n\n  mira.k@example.net\n    550 5.2.2 Mailbox full",
			"mira.k@example.net", dsn.EvidenceLabelledLine},
		// A notice about the sender's own address: no subscriber is guessed in its place (and
		// a labelled line of free text is no MTA's failed-recipient slot: TestSenderSideInSlot).
		{"only the list's owner named", "Recipient address: news-owner@lists.example.org\nReason: 550 5.1.1 User unknown",
			"", ""},
		{"List-Id's address and the bounce address", "<news@lists.example.org>: 550 5.1.1 no such user\n<bounces+mira.k=example.net@lists.example.org>: 550 5.1.1 no such user",
			"", ""},
		{"Sendmail entry naming the sender", "----- Transcript of session follows -----\n550 <news-bounces@lists.example.org>... User unknown\n550 <mira.k@example.net>... User unknown",
			"mira.k@example.net", dsn.EvidenceTranscriptRcpt},
		{"X-Failed-Recipients is no exception", "X-Failed-Recipients: news@lists.example.org\n\nmira.k@example.net: 550 5.1.1 unknown user",
			"mira.k@example.net", dsn.EvidenceLabelledLine},
	}
	opts := senderSideOptions(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := dsn.Parse(strings.NewReader(listBounce(tt.body)), opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := addressesOf(rep); got != tt.want {
				t.Fatalf("recipients %q, want %s", got, tt.want)
			}
			if len(rep.Recipients) == 0 {
				return
			}
			if e := rep.Recipients[0].Evidence; e != tt.wantEvidence {
				t.Errorf("evidence %q, want %q", e, tt.wantEvidence)
			}
		})
	}
}

// TestSenderSideExceptions: the sender is a recipient when the message was sent to it too, and a
// DSN whose alias led to the sender's address still reports the address the sender wrote.
func TestSenderSideExceptions(t *testing.T) {
	toSelf := `From: MAILER-DAEMON@mx.example.net
To: ana@example.org
Subject: failure notice

Sorry, I couldn't deliver your message.

<ana@example.org>:
550 5.1.1 no such user

--- Below this line is a copy of the message.

Return-Path: <ana@example.org>
From: Ana <ana@example.org>
To: ana@example.org
Subject: a test
`
	rep, err := dsn.Parse(strings.NewReader(toSelf), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != 1 || rep.Recipients[0].Address != "ana@example.org" {
		t.Errorf("a message sent to its own sender: got %+v", rep.Recipients)
	}

	robotName := listBounce("<sales-owner@customer.example>: 550 5.1.1 no such user")
	rep, err = dsn.Parse(strings.NewReader(robotName), senderSideOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != 1 || rep.Recipients[0].Address != "sales-owner@customer.example" {
		t.Errorf("a robot's name at a subscriber's domain: got %+v", rep.Recipients)
	}

	aliased := `From: MAILER-DAEMON@mx.example.net
To: news@example.org
Subject: Undelivered Mail Returned to Sender
Message-ID: <alias@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; news@example.org
Original-Recipient: rfc822; old.member@example.net
Action: failed
Status: 5.2.2

--B
Content-Type: text/rfc822-headers

From: news@example.org
To: old.member@example.net

--B--
`
	rep, err = dsn.Parse(strings.NewReader(aliased), nil)
	if err != nil {
		t.Fatal(err)
	}
	reports := feedback.Build(rep, feedback.BuildOptions{})
	if len(reports) != 1 || reports[0].Email != "old.member@example.net" {
		t.Errorf("an alias into the sender's address: got %+v", reports)
	}
}

func senderSideOptions(t testing.TB) *dsn.Options {
	tpl, err := verp.Parse("bounces+{local}={domain}@lists.example.org")
	if err != nil {
		t.Fatal(err)
	}
	return &dsn.Options{VERP: []*verp.Template{tpl}}
}

// TestNoSenderSideAddressReported is a property over every message of the shared corpus and of
// the fixtures: no report sent to the application names the bounce's From, the returned
// message's From or Return-Path (unless the message was also sent to it), a list robot's
// address (-bounces, -owner, -request) or an address a VERP template reads, but for the one
// exception (dropSenderSide): the MTA named it alone in its failed-recipient slot. Then it is
// the bounce's only recipient, marked sender_side, read from a DSN field, X-Failed-Recipients or
// a known MTA's failed-address block (labelled-line; TestSenderSideInSlot proves that free
// text's labelled lines never qualify), and never reported hard.
func TestNoSenderSideAddressReported(t *testing.T) {
	var files []string
	for _, dir := range []string{"examples", "handmade", "real"} {
		fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.eml"))
		files = append(files, fixtures...)
	}
	if _, err := os.Stat(filepath.Join(sharedDir(t), "corpus")); err == nil {
		files = append(files, corpusFiles(t, sharedDir(t))...)
	}
	opts := goldenOptions(t)
	checked := 0
	for _, path := range files {
		for _, p := range mailsource.ParseFile(path, opts) {
			if p.Err != nil || p.Report.Kind == dsn.KindComplaint || p.Report.Kind == dsn.KindAutoReply {
				continue
			}
			rep := p.Report
			for _, r := range feedback.Build(rep, feedback.BuildOptions{ReportDelays: true}) {
				checked++
				why := senderSideReason(rep, r.Email, opts)
				if why == "" || repliedFrom(rep, r.Email) {
					continue // an abandoned mailbox's auto-reply names its own sender (docs/parsing.md)
				}
				if len(rep.Recipients) != 1 || !rep.Recipients[0].SenderSide {
					t.Errorf("%s: reported %s, %s, not alone and marked sender_side", p.Source, r.Email, why)
					continue
				}
				switch e := rep.Recipients[0].Evidence; {
				case r.Type == feedback.TypeHard || rep.Recipients[0].Hard:
					t.Errorf("%s: reported %s, %s, hard", p.Source, r.Email, why)
				case e != dsn.EvidenceDSNField && e != dsn.EvidenceFailedRecipients && e != dsn.EvidenceLabelledLine:
					t.Errorf("%s: reported %s, %s, on %s evidence", p.Source, r.Email, why, e)
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d reports checked", checked)
	}
}

// repliedFrom tells whether the report's recipient address is the sender of an auto-reply that
// says its mailbox is no longer read (evidence reply-from): the subscriber's own mailbox
// answering, which the sender-side rule does not affect.
func repliedFrom(rep *dsn.Report, address string) bool {
	for _, r := range rep.Recipients {
		if strings.EqualFold(r.Address, address) && r.Evidence == dsn.EvidenceReplyFrom {
			return true
		}
	}
	return false
}

// senderSideReason tells why address is the sender's, or "".
func senderSideReason(rep *dsn.Report, address string, opts *dsn.Options) string {
	a := strings.ToLower(address)
	sentTo := strings.ToLower(rep.Original.To)
	switch {
	case a == strings.ToLower(rep.From):
		return "the bounce's own From"
	case a == strings.ToLower(rep.Original.From) && !strings.Contains(sentTo, a):
		return "the returned message's From"
	case a == strings.ToLower(rep.Original.ReturnPath) && !strings.Contains(sentTo, a):
		return "the returned message's Return-Path"
	}
	local, domain, _ := strings.Cut(a, "@")
	for _, suffix := range []string{"-bounces", "-owner", "-request"} {
		if strings.HasSuffix(local, suffix) && !otherDomain(rep, domain) {
			return "a list robot's address"
		}
	}
	for _, tpl := range opts.VERP {
		if _, ok := tpl.Decode(address); ok {
			return "a VERP bounce address"
		}
	}
	return ""
}

// otherDomain tells whether domain is neither the returned message's sender's (its From or
// Return-Path) nor unknown: a subscriber's own "sales-request@shop.example.com" is no robot of
// the list. Without a returned sender every domain may be the list's.
func otherDomain(rep *dsn.Report, domain string) bool {
	known := false
	for _, a := range []string{rep.Original.From, rep.Original.ReturnPath} {
		if _, d, ok := strings.Cut(strings.ToLower(a), "@"); ok {
			known = true
			if d == domain {
				return false
			}
		}
	}
	return known
}

// TestSenderSideGenerated generates text bounces that name one of the sender's addresses on a
// recipient line, in the ways MTAs write those lines, next to a real recipient: whatever the
// format and whichever of the sender's addresses, only the real recipient is reported.
func TestSenderSideGenerated(t *testing.T) {
	lines := map[string]string{
		"exim":     "  %s\n    SMTP error from remote mail server after RCPT TO:<%[1]s>:\n    550 5.1.1 User unknown\n",
		"postfix":  "<%s>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n",
		"sendmail": "550 <%s>... User unknown\n",
		"qmail":    "<%s>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 no such user\n",
		"labelled": "Recipient address: %s\nReason: 550 5.1.1 User unknown\n",
		"listed":   "The following recipients could not be reached:\n%s\n",
	}
	senderSide := append(listSenderAddresses, "mailer-daemon@mx.example.net") // and the bounce's own From
	opts := senderSideOptions(t)
	for format, line := range lines {
		for _, addr := range senderSide {
			for _, senderFirst := range []bool{true, false} {
				body := fmt.Sprintf(line, addr) + "\n" + fmt.Sprintf(line, "ruth@example.com")
				if !senderFirst {
					body = fmt.Sprintf(line, "ruth@example.com") + "\n" + fmt.Sprintf(line, addr)
				}
				rep, err := dsn.Parse(strings.NewReader(listBounce(body)), opts)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range feedback.Build(rep, feedback.BuildOptions{ReportDelays: true}) {
					got = append(got, r.Email)
				}
				if strings.Join(got, ",") != "ruth@example.com" {
					t.Errorf("%s, %s (first: %v): reported %v, want only ruth@example.com\n%s", format, addr, senderFirst, got, body)
				}
			}
		}
	}
}

// TestSenderSideInSlot proves the one exception to the sender-side rule (dropSenderSide): one of
// the sender's addresses is reported only when the MTA itself names it, and nothing else, in its
// failed-recipient slot (a DSN's Final-Recipient, X-Failed-Recipients, a line under Exim's,
// Postfix's, qmail's or Sendmail's failed-address heading), and then never hard, marked
// sender_side. The same lines in free text (a heuristic), or beside another candidate, never
// report it; nor is a mail system's own address ever taken.
func TestSenderSideInSlot(t *testing.T) {
	// Each builds a bounce whose MTA names addrs, in that order, in its failed-recipient slot.
	slots := map[string]func(addrs ...string) string{
		"exim block": func(addrs ...string) string {
			return listBounce("The following address(es) failed:\n" + eachAddress(addrs, "\n  %s\n    SMTP error from remote mail server after RCPT TO:<%[1]s>:\n    550 5.1.1 User unknown\n"))
		},
		"exim block, heading wrapped": func(addrs ...string) string {
			return listBounce("A message that you sent could not be delivered to one or more of\nits recipients. This is a permanent error. The following address(es)\nfailed:\n" + eachAddress(addrs, "\n%s:\nSMTP error from remote server for RCPT command, host: mx.example.net reason: 550 5.1.1 User unknown\n"))
		},
		"postfix block": func(addrs ...string) string {
			return listBounce("I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n                   The mail system\n" + eachAddress(addrs, "\n<%s>: host mx.example.net[192.0.2.1] said: 550 5.1.1\n    User unknown (in reply to RCPT TO command)\n"))
		},
		"qmail block": func(addrs ...string) string {
			return listBounce("Hi. This is the qmail-send program at mx.example.net.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n" + eachAddress(addrs, "\n<%s>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 no such user\n"))
		},
		"X-Failed-Recipients": func(addrs ...string) string {
			return strings.Replace(listBounce("550 5.1.1 User unknown"), "Message-ID: <sender-side@", "X-Failed-Recipients: "+strings.Join(addrs, ", ")+"\nMessage-ID: <sender-side@", 1)
		},
		"DSN Final-Recipient": listDSN,
	}
	heuristics := map[string]string{
		"exim lines without heading":    "  %s\n    SMTP error from remote mail server after RCPT TO:<%[1]s>:\n    550 5.1.1 User unknown",
		"postfix lines without heading": "<%s>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
		"sendmail transcript":           "----- Transcript of session follows -----\n550 <%s>... User unknown",
		"labelled line":                 "Recipient address: %s\nReason: 550 5.1.1 User unknown",
		"announced line":                "The following recipients could not be reached:\n%s\n\n550 5.1.1 User unknown",
		"in passing":                    "Your message was refused: 550 5.1.1 User unknown. Write to %s for help.",
	}
	senderSide := listSenderAddresses
	opts := senderSideOptions(t)
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.DiscardHandler)) // the warnings each sender_side report logs
	reportsOf := func(reports []feedback.Report, _ *dsn.Report) []feedback.Report { return reports }
	reported := func(msg string) ([]feedback.Report, *dsn.Report) {
		t.Helper()
		rep, err := dsn.Parse(strings.NewReader(msg), opts)
		if err != nil {
			t.Fatal(err)
		}
		return feedback.Build(rep, feedback.BuildOptions{ReportDelays: true}), rep
	}
	// personal turns a bounce of the list's post into one of a post that a person sent alone,
	// from their own address, which the MTA then names as failed (a copy to oneself).
	const person = "ada@example.org"
	personal := func(msg string) string {
		var kept []string
		for _, line := range strings.Split(msg, "\n") {
			switch {
			case strings.HasPrefix(line, "List-"), strings.HasPrefix(line, "Sender: "):
				continue
			case strings.HasPrefix(line, "From: Example News"):
				line = "From: Ada <" + person + ">"
			}
			kept = append(kept, line)
		}
		return strings.ReplaceAll(strings.Join(kept, "\n"), "[news] ", "")
	}
	for name, slot := range slots {
		// A list's or a bounce address is nobody's mailbox: never reported, even named alone.
		for _, addr := range senderSide {
			if got, _ := reported(slot(addr)); len(got) != 0 {
				t.Errorf("%s, %s alone: reported %+v, want nothing", name, addr, got)
			}
		}
		// A person's own address, named alone by the MTA: reported once, soft, marked.
		got, rep := reported(personal(slot(person)))
		if len(got) != 1 || got[0].Email != person || got[0].Type != feedback.TypeSoft {
			t.Errorf("%s, %s alone: reported %+v, want it once, soft", name, person, got)
		} else if r := rep.Recipients[0]; !r.SenderSide || r.Hard {
			t.Errorf("%s, %s alone: sender_side %v, hard %v", name, person, r.SenderSide, r.Hard)
		}
		// Beside another candidate, in the same slot: only the other one.
		for _, addr := range append(senderSide, person) {
			for _, pair := range [][]string{{addr, "ruth@example.com"}, {"ruth@example.com", addr}} {
				msg := slot(pair...)
				if addr == person {
					msg = personal(msg)
				}
				if got, _ := reported(msg); len(got) != 1 || got[0].Email != "ruth@example.com" {
					t.Errorf("%s, %v: reported %+v, want only ruth@example.com", name, pair, got)
				}
			}
		}
		if got, _ := reported(slot("mailer-daemon@mx.example.net")); len(got) != 0 {
			t.Errorf("%s: the bounce's own mail system reported: %+v", name, got)
		}
	}
	for name, line := range heuristics {
		for _, addr := range senderSide {
			for _, r := range reportsOf(reported(listBounce(fmt.Sprintf(line, addr)))) {
				if r.Email == addr {
					t.Errorf("%s, %s: reported %+v", name, addr, r)
				}
			}
		}
	}
}

// eachAddress formats format for each address, one after the other.
func eachAddress(addrs []string, format string) string {
	var b strings.Builder
	for _, a := range addrs {
		fmt.Fprintf(&b, format, a)
	}
	return b.String()
}

// listDSN is a DSN for a post of the list news@lists.example.org, with one Final-Recipient
// record for each of addrs.
func listDSN(addrs ...string) string {
	var records strings.Builder
	for _, a := range addrs {
		records.WriteString("\nFinal-Recipient: rfc822; " + a + "\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")
	}
	return `Return-Path: <>
From: Mail Delivery System <mailer-daemon@mx.example.net>
To: bounces+mira.k=example.net@lists.example.org
Subject: Undelivered Mail Returned to Sender
Message-ID: <sender-side-dsn@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
` + records.String() + `
--B
Content-Type: text/rfc822-headers

Return-Path: <bounces+mira.k=example.net@lists.example.org>
From: Example News <news@lists.example.org>
Sender: news-bounces@lists.example.org
To: mira.k@example.net
List-Id: Example News <news.lists.example.org>
List-Post: <mailto:news@lists.example.org>
List-Owner: <mailto:news-owner@lists.example.org>

--B--
`
}

// TestListAddressInPastedHeaders: a terse notice that names no address, followed by the returned
// message's header under a title drawn between rules in words of its own, reported the list's
// posting address (the To of those headers) as failed when no VERP template read the bounce
// address. Those headers are the returned message's, whatever the title's words: the list's
// address is the sender's, and the notice names no recipient.
func TestListAddressInPastedHeaders(t *testing.T) {
	for _, title := range []string{"--- Message headers follow ---", "=== Returned headers ===", "___ Headers of your message ___"} {
		msg := "From: mailer-daemon@relay.example.net\nTo: bounces+nadia=vq.example.net@lists.example.org\n" +
			"Subject: Delivery failed\n\nDelivery failed for 1 recipient(s).\n\nReason: 550 mailbox unavailable\n\n" + title + "\n" +
			"Return-Path: <bounces+nadia=vq.example.net@lists.example.org>\nReceived: from lists.example.org by mx.vq.example.net\n" +
			"From: \"Example News\" <news@lists.example.org>\nTo: \"Example News\" <news@lists.example.org>\n" +
			"Subject: [News] December issue\nList-Post: <mailto:news@lists.example.org>\n"
		rep, err := dsn.Parse(strings.NewReader(msg), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.Recipients {
			t.Errorf("%s: reported %s (%s)", title, r.Address, r.Evidence)
		}
	}
}

// TestAttachedBounce: a notice that names no recipient itself (a list manager's wrapper sent
// from its robot, a double bounce) is read through the mail system's notice attached to it, when
// that notice was sent to a list's robot; never through an attached message of a person, nor a
// notice sent elsewhere.
func TestAttachedBounce(t *testing.T) {
	wrapper := func(innerFrom, innerTo string) string {
		return "From: news-bounces@lists.example.org\nTo: news-owner@lists.example.org\n" +
			"Subject: Uncaught bounce notification\nMessage-ID: <wrap@lists.example.org>\nMIME-Version: 1.0\n" +
			"Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n" +
			"The attached message was received as a bounce, but no member addresses could be extracted.\n\n" +
			"--B\nContent-Type: message/rfc822\n\nFrom: " + innerFrom + "\nTo: " + innerTo + "\n" +
			"Subject: Undelivered Mail Returned to Sender\n\nThe mail system\n\n" +
			"<ann@example.net>: host mx.example.net said: 550 5.1.1 <ann@example.net>: User unknown\n\n--B--\n"
	}
	pasted := "From: LISTSERV@lists.example.org\nTo: editor@example.org\nSubject: NEWS-L: error report\n" +
		"Message-ID: <wrap@lists.example.org>\n\nThe enclosed message has been identified as a delivery error.\n\n" +
		"----- Message in error report follows -----\nFrom: MAILER-DAEMON@mx.example.net\nTo: owner-news-l@lists.example.org\n" +
		"Subject: failure notice\n\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n" +
		"<ann@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)\n"
	for _, tt := range []struct{ name, msg, want string }{
		{"a bounce pasted in the text", pasted, "ann@example.net"},
		{"a bounce pasted in the text, sent elsewhere", strings.Replace(pasted, "owner-news-l@", "shop@", 1), ""},
		{"a bounce to the list's robot", wrapper("MAILER-DAEMON@mx.example.net", "news-bounces@lists.example.org"), "ann@example.net"},
		{"a bounce to the list's owner", wrapper("Mail Delivery System <postmaster@mx.example.net>", "news-owner@lists.example.org"), "ann@example.net"},
		{"a person's message", wrapper("Ann <ann@example.net>", "news-bounces@lists.example.org"), ""},
		{"a bounce sent elsewhere", wrapper("MAILER-DAEMON@mx.example.net", "shop@store.example.com"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := dsn.Parse(strings.NewReader(tt.msg), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := addressesOf(rep); got != tt.want {
				t.Fatalf("recipients %q, want %q", got, tt.want)
			}
			if tt.want != "" && (rep.MessageID != "wrap@lists.example.org" || rep.Kind != dsn.KindBounce) {
				t.Errorf("message-id %q, kind %s: want the wrapper's, bounce", rep.MessageID, rep.Kind)
			}
		})
	}
}
