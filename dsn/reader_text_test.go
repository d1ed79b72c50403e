package dsn

import (
	"strings"
	"testing"
)

// TestMarkerSetFindsTheEarliest compares the anchored search with one search per marker.
// addressesOf lists a report's recipients, comma-separated, in their order.
func addressesOf(rep *Report) string {
	var addrs []string
	for _, r := range rep.Recipients {
		addrs = append(addrs, r.Address)
	}
	return strings.Join(addrs, ",")
}

func TestMarkerSetFindsTheEarliest(t *testing.T) {
	naive := func(text string) int {
		cut := -1
		for _, m := range originalMarkers {
			if i := strings.Index(text, m); i >= 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		return cut
	}
	texts := []string{"", "message", "no marker at all, only mail and messages"}
	for i, a := range originalMarkers {
		b := originalMarkers[(i*7+3)%len(originalMarkers)]
		texts = append(texts,
			"the mail system said no.\n"+a+"\n"+b,
			b+" and then "+a,
			"message mail "+a[:len(a)-1]+" "+b,
		)
	}
	for _, text := range texts {
		if got, want := originalMarkerSet.index(text), naive(text); got != want {
			t.Errorf("index(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestExpandedFrom checks that the address an alias or forward rewrote is found under the
// recipient, in Sendmail's and Exim's wording.
func TestExpandedFrom(t *testing.T) {
	cases := []struct{ block, addr, want string }{
		{"jdoe@mail.example.net\n    (expanded from: <jane.doe@example.net>)", "jdoe@mail.example.net", "jane.doe@example.net"},
		{"  j@isp.example\n    (ultimately generated from jane@example.org)\n    retry timeout exceeded", "j@isp.example", "jane@example.org"},
		{"jane@example.org\n    (generated from jane@example.org)", "jane@example.org", ""},
		{"550 5.1.1 <jane@example.org>: user unknown", "jane@example.org", ""},
	}
	for _, c := range cases {
		if got := expandedFrom(c.block, c.addr); got != c.want {
			t.Errorf("expandedFrom(%q) = %q, want %q", c.block, got, c.want)
		}
	}
}

// TestCommandOfWholeWords checks that the SMTP command is read from phrases that start a word.
func TestCommandOfWholeWords(t *testing.T) {
	cases := []struct{ text, want string }{
		{"550 5.1.1 unknown user (in reply to RCPT TO command)", "RCPT"},
		{"SMTP error from remote mail server after MAIL FROM:<a@example.org>", "MAIL"},
		{"Subject: The results of your email commands", ""},
		{"550 5.7.26 Unauthenticated email from example.org is not accepted", ""},
		{"mx.example.org [192.0.2.1] did not like our final DATA: 550 5.7.26 ...", "DATA"},
		{"a metadata command", ""},
	}
	for _, c := range cases {
		if got := commandOf(c.text); got != c.want {
			t.Errorf("commandOf(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestAbandonedMailboxReplyTo checks that an abandoned-mailbox auto-reply sent from a no-reply
// address, whose text names no address, is reported for its Reply-To.
func TestAbandonedMailboxReplyTo(t *testing.T) {
	msg := "Return-Path: <>\r\nFrom: <noreply@firm.example>\r\nReply-To: <sales@firm.example>\r\n" +
		"To: <bounces@lists.example>\r\nSubject: Auto-Reply: offers\r\nAuto-Submitted: auto-replied\r\n\r\n" +
		"This mailbox is no longer monitored. Please use our web form.\r\n"
	rep, err := Parse(strings.NewReader(msg), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != 1 {
		t.Fatalf("recipients = %+v", rep.Recipients)
	}
	r := rep.Recipients[0]
	if rep.Kind != KindBounce || r.Address != "sales@firm.example" || r.Reason != "suspend" || r.Action != "failed" {
		t.Errorf("got kind %s, %s %s %s", rep.Kind, r.Address, r.Action, r.Reason)
	}
}

func TestWholeReply(t *testing.T) {
	transcript := "... while talking to mx.example.com.:\n>>> DATA\n" +
		"<<< 552-5.7.0 This message was blocked because its content presents a potential\n" +
		"<<< 552-5.7.0 security issue. Please visit\n" +
		"<<< 552 5.7.0 https://mail.example.com/answer/6590 to review it.\n" +
		"554 5.0.0 Service unavailable\n"
	tests := []struct {
		name, text, first, want string
	}{
		{"transcript lines", transcript,
			"552-5.7.0 This message was blocked because its content presents a potential",
			"552-5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://mail.example.com/answer/6590 to review it."},
		{"a one-line reply is left alone", transcript, "554 5.0.0 Service unavailable", ""},
		{"first line absent from the text", transcript, "550-5.1.1 The account does not exist", ""},
		{"no continuation follows", "<<< 550-5.1.1 The account does not exist\n>>> QUIT\n", "550-5.1.1 The account does not exist", ""},
		{"another code ends it", "550-Mailbox unknown\n550-Try again later\n421 closing\n", "550-Mailbox unknown", "550-Mailbox unknown Try again later"},
		{"a line of codes alone", "<<< 550-5.1.1 Gone\n<<< 550-5.1.1\n<<< 550 5.1.1 for good\n", "550-5.1.1 Gone", "550-5.1.1 Gone for good"},
		{"quoted mid-line only", "reason: 550-5.1.1 Gone\n550 5.1.1 more\n", "550-5.1.1 Gone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wholeReply(tt.text, tt.first); got != tt.want {
				t.Errorf("wholeReply = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestContactAddressIsNoRecipient: a notice that names no recipient is not reported for the help
// desk address it mentions, but for the returned message's addressee when there is one.
func TestContactAddressIsNoRecipient(t *testing.T) {
	notice := "From: Mail Delivery System <mailer-daemon@mx.example.net>\nTo: news@example.org\n" +
		"Subject: Mail delivery failed\n\nYour message could not be delivered. The mailbox is full.\n" +
		"Please contact support@example.net if you need help.\n"
	for _, tt := range []struct{ name, msg, want string }{
		{"no copy of the message", notice, ""},
		{"a copy of its header", notice + "\n--- Below this line is a copy of the message.\n\nFrom: news@example.org\nTo: ana@example.net\nSubject: News\n", "ana@example.net"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(tt.msg), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := addressesOf(rep); got != tt.want {
				t.Errorf("recipients %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsRecipientLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"<a@example.org>: host mx.example.org said: 550 5.1.1 User unknown", true},
		{"a@example.org", true},
		{"550 <a@example.org>... User unknown", true},
		{"Recipient address: a@example.org", true},
		{"Your message was undeliverable to a@example.org", true},
		{"Delivery to the following recipient failed permanently: a@example.org", true},
		{"The intended recipient was not notified. Questions: help@example.org", false},
		{"Mailbox full. Failed recipient: a@example.org", true},
		{"Your message to a@example.org could not be delivered.", true},
		{"The message you sent to a@example.org could not be delivered", true},
		{"If you need help, send a message to help@example.net quoting this text.", false},
		{"Message to 5559876543@example.net failed: opted out", true},
		{"Sender Address: news@example.org", false},
		{"250 <news@example.org>... Sender ok", false},
		{"The standard form of an address here is first.last@example.org", false},
		{"For help with your mail, write to the desk at help@example.org", false},
	}
	for _, tt := range tests {
		if got := isRecipientLine(tt.line); got != tt.want {
			t.Errorf("isRecipientLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestGuessIsConservative: an address a text bounce only mentions in passing is guessed to be the
// failed recipient only when it is the only such address, and never when it sits in a link, in
// a quoted or pasted header field of the returned message, at the reporting host's own domain,
// or is a list robot's.
func TestGuessIsConservative(t *testing.T) {
	notice := func(text string) string {
		return "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\nTo: news-bounces@lists.example.org\n" +
			"Subject: Returned mail: delivery problem\n\nYour message could not be delivered.\n\n" + text + "\n"
	}
	cases := []struct{ name, text, want string }{
		{"one address in passing", "The server of example.com said that lena.frost@example.com has no mailbox.", "lena.frost@example.com"},
		{"the same address twice", "The server said that lena.frost@example.com has no mailbox; lena.frost@example.com is wrong.", "lena.frost@example.com"},
		{"two addresses", "Either lena.frost@example.com or ruth@example.org has no mailbox.", ""},
		{"in a link", "See https://help.example.com/faq?user=lena.frost@example.com for more.", ""},
		{"in a quoted header", "> To: news@lists.example.org\n> Subject: November", ""},
		{"in a pasted header", "Received: from mx.lists.example.org\n  for <lena.frost@example.com>; Mon, 2 Nov 2026\nTo: news@lists.example.org", ""},
		{"at the reporting host's domain", "Questions go to registrar@relay.example.net.", ""},
		{"a list robot", "The list's owner is news-owner@elsewhere.example.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(notice(c.text)), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rep.Recipients {
				got = append(got, r.Address)
				if r.Evidence != EvidenceGuess {
					t.Errorf("%s: evidence %s, want guess", r.Address, r.Evidence)
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("recipients %v, want %q", got, c.want)
			}
		})
	}
}

// TestRobotList: the list a robot's address serves, by Mailman's, Sympa's and majordomo's names.
func TestRobotList(t *testing.T) {
	cases := map[string]string{
		"news-bounces@lists.example.org":                  "news@lists.example.org",
		"news-bounces+lena=example.org@lists.example.org": "news@lists.example.org",
		"owner-news@lists.example.org":                    "news@lists.example.org",
		"News-Request@Lists.Example.org":                  "news@lists.example.org",
		"lena@example.org":                                "",
		"-bounces@lists.example.org":                      "",
		"not-an-address":                                  "",
	}
	for in, want := range cases {
		if got := robotList(in); got != want {
			t.Errorf("robotList(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIsFailedAddressHeading: the headings are found in any case, wrapped or not, at a word's
// start only.
func TestIsFailedAddressHeading(t *testing.T) {
	cases := []struct {
		prev, line string
		want       bool
	}{
		{"", "recipients. This is a permanent error. The following address(es) failed:", true},
		{"its recipients. This is a permanent error. The following address(es)", "failed:", true},
		{"A message that you sent could not be delivered to one or more of its", "recipients. The following address(es) failed:", true},
		{"", "                   The mail system", true},
		{"", "   ----- The following addresses had permanent fatal errors -----", true},
		{"I'm afraid I wasn't able to deliver your message to the following", "addresses.", true},
		{"", "This is the mail system at host mx.example.net.", false},
		{"", "This notice comes from the mail system", true}, // read as Postfix's heading: harmless, see dropSenderSide
		{"", "Thanks to ourthe mail system", false},
		{"", "THE FOLLOWING ADDRESS(ES) FAILED:", true},
		{"The following address(es)", "", false},
		{"nothing here", "failed:", false},
	}
	for _, c := range cases {
		if got := isFailedAddressHeading(c.prev, c.line); got != c.want {
			t.Errorf("isFailedAddressHeading(%q, %q) = %v, want %v", c.prev, c.line, got, c.want)
		}
	}
}

// containsAtWordStart tells (for commandOfByPhrase) whether s contains pat where a word starts: "mail command" is not
// in "email commands".
func containsAtWordStart(s, pat string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], pat)
		if i < 0 {
			return false
		}
		at := from + i
		if at == 0 || !isAlnum(s[at-1]) {
			return true
		}
		from = at + 1
	}
}

// commandOfByPhrase is commandOf as it was written before its one pass: each phrase searched in
// each lower-cased text, in order.
func commandOfByPhrase(texts ...string) string {
	for _, c := range smtpCommands {
		for _, pat := range c.phrases {
			for _, t := range texts {
				if containsAtWordStart(asciiLower(t), pat) {
					return c.name
				}
			}
		}
	}
	return ""
}

// TestCommandOfAsByPhrase holds commandOf to the search of each phrase in turn: over the
// paragraphs of every fixture, alone and in pairs, and over texts made of the phrases, in any
// case, after a letter or not, cut short.
func TestCommandOfAsByPhrase(t *testing.T) {
	texts := fixtureTexts(t, "\n\n")
	for _, c := range smtpCommands {
		for _, pat := range c.phrases {
			up := strings.ToUpper(pat)
			texts = append(texts, pat, "x"+pat, "5.1.1 "+up+" failed", "e"+pat+" and "+pat[:len(pat)-1], pat+" "+pat)
		}
	}
	for i, a := range texts {
		b := texts[(i*7+3)%len(texts)]
		if got, want := commandOf(a), commandOfByPhrase(a); got != want {
			t.Fatalf("commandOf(%.200q) = %q, by phrase %q", a, got, want)
		}
		if got, want := commandOf(a, b), commandOfByPhrase(a, b); got != want {
			t.Fatalf("commandOf(%.100q, %.100q) = %q, by phrase %q", a, b, got, want)
		}
	}
}

// TestOnlyHeadsAddress tells a diagnostic that only lists the recipient under a heading from one
// that says something of it.
func TestOnlyHeadsAddress(t *testing.T) {
	const addr = "mara.olsen@example.com"
	for _, tc := range []struct {
		diagnostic string
		want       bool
	}{
		{"Did not reach the following recipient: mara.olsen@example.com", true},
		{"Delivery to the following recipients failed permanently: * <mara.olsen@example.com>.", true},
		{"Unable to deliver message to <mara.olsen@example.com> (and other recipients in the same domain).", false},
		{"mara.olsen@example.com: mailbox full", false},
		{"User unknown: mara.olsen@example.com", true},
		{"550 5.1.1 Recipient rejected: mara.olsen@example.com", false},
		{"Your message to mara.olsen@example.com", false},
		{"Did not reach the following recipient: lena.frost@example.net", false},
	} {
		if got := onlyHeadsAddress(tc.diagnostic, addr); got != tc.want {
			t.Errorf("onlyHeadsAddress(%q) = %v, want %v", tc.diagnostic, got, tc.want)
		}
	}
}

// TestOldFormatLines checks the readings the old-format set needed: an address in parentheses
// after a label and a name names the recipient (Notes), a failure's reply code is never a
// success reply of the session log above it (MDaemon), and a notice that names no recipient
// gives the paragraph of its first error line, without the section rules around it.
func TestOldFormatLines(t *testing.T) {
	recipientLines := []struct {
		line string
		want bool
	}{
		{"User Ann Lee (ann.lee@example.com) not listed in public Name & Address Book", true},
		{"Benutzer paul.rau (paul.rau@example.com) ist nicht im Domino-Verzeichnis aufgeführt", false}, // no label of ours: read from the heading above
		{"Please write to the help desk (help@example.com) for more", false},
		{"User's guide for this mail system and its many options (guide@example.com)", false},
	}
	for _, c := range recipientLines {
		if got := isRecipientLine(c.line); got != c.want {
			t.Errorf("isRecipientLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	replies := []struct{ s, want string }{
		{"Wed 10:00:02: <-- 250 2.1.0 Ok Wed 10:00:02: --> RCPT To:<a@example.org> Wed 10:00:02: <-- 550 5.1.1 unknown", "550"},
		{"size 2505 bytes, 452 4.2.2 full", "452"},
		{"250 2.0.0 Ok", ""},
	}
	for _, c := range replies {
		if got := errorReplyCode(c.s); got != c.want {
			t.Errorf("errorReplyCode(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	text := "The following recipient(s) cannot be reached:\n\n  'Ivy' on 12/4/2026\n    Could not deliver the message in the time limit specified.\n    <gw.example.net #4.4.7>\n\n" +
		"   ----- Transcript of session follows -----\n421 example.com (smtp)... Deferred\n"
	if got, want := errorParagraph(text), "'Ivy' on 12/4/2026 Could not deliver the message in the time limit specified. <gw.example.net #4.4.7>"; got != want {
		t.Errorf("errorParagraph = %q, want %q", got, want)
	}
	if got, want := errorParagraph(text[strings.Index(text, "   -----"):]), "421 example.com (smtp)... Deferred"; got != want {
		t.Errorf("errorParagraph after a rule = %q, want %q", got, want)
	}
}

// TestIndexAcrossLines checks that a phrase is found across the line breaks and runs of spaces
// of a wrapped text, and only where its words follow each other.
func TestIndexAcrossLines(t *testing.T) {
	cases := []struct {
		s, phrase string
		want      int
	}{
		{"and this mailbox is\nno longer monitored.", "is no longer monitored", 17},
		{"is  no longer\r\n  monitored", "is no longer monitored", 0},
		{"this mailbox is monitored no longer", "is no longer monitored", -1},
		{"isno longer monitored", "is no longer monitored", -1},
	}
	for _, c := range cases {
		if got := indexAcrossLines(c.s, c.phrase); got != c.want {
			t.Errorf("indexAcrossLines(%q, %q) = %d, want %d", c.s, c.phrase, got, c.want)
		}
	}
}

// TestRuledOriginalTitleAt: a title between rules that names the returned message marks where
// it starts; Outlook's forward separator and a rule without such a title do not.
func TestRuledOriginalTitleAt(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"error\n------ original message (first 160 characters) ------\nfrom: a", 6},
		{"x\n---------------- rejected message (22 lines) ----------------\n", 2},
		{"x\n          ** text of mail follows **\n", 2},
		{"x\n------ message d'origine ------\n", 2},
		{"x\n-----original message-----\nfrom: b@example.org\n", -1},
		{"x\n----- transcript of session follows -----\n", -1},
		{"x\n--- original message is below\n", -1},
	}
	for _, tt := range tests {
		if got := ruledOriginalTitleAt(tt.text); got != tt.want {
			t.Errorf("ruledOriginalTitleAt(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestJoinSplitAddresses: an address broken after its '@' is joined with its indented domain;
// a line that merely ends with '@' before a new paragraph or an unindented line is left alone.
func TestJoinSplitAddresses(t *testing.T) {
	tests := []struct{ in, want string }{
		{"failed:\n   <ursula.dean@\n    sp.example.net>: 550 No such user\n", "failed:\n   <ursula.dean@sp.example.net>: 550 No such user\n"},
		{"a@\n\texample.org and b@\n  example.net", "a@example.org and b@example.net"},
		{"write to us @\n  example.org", "write to us @\n  example.org"},
		{"user@\nexample.org", "user@\nexample.org"},
		{"user@\n\nexample.org", "user@\n\nexample.org"},
		{"no split here a@example.org\n", "no split here a@example.org\n"},
		{"ends with user@\n", "ends with user@\n"},
	}
	for _, tt := range tests {
		if got := joinSplitAddresses(tt.in); got != tt.want {
			t.Errorf("joinSplitAddresses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIsListSeparator: the words between two addresses of one list.
func TestIsListSeparator(t *testing.T) {
	for in, want := range map[string]bool{"; ": true, ">, <": true, " and ": true, ", and ": true,
		" (user unknown) ": false, ": ": false, " or ": false, "": false} {
		if got := isListSeparator(in); got != want {
			t.Errorf("isListSeparator(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestSubjectAddressBeatsGuess checks that a bounce whose subject, in words not known as a
// bounce's, names one address reports that address rather than the help desk its text
// mentions, and only as a guess (never hard).
func TestSubjectAddressBeatsGuess(t *testing.T) {
	msg := "From: Mail System <mailer-daemon@mx.example.ee>\r\nTo: news-bounces@lists.example.org\r\n" +
		"Subject: Kohaletoimetamine nurjus: mari.tamm@example.ee\r\n\r\n" +
		"This message could not be delivered.\r\n\r\nAbi: abi@example.ee\r\n"
	rep, err := Parse(strings.NewReader(msg), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != 1 {
		t.Fatalf("recipients = %+v", rep.Recipients)
	}
	r := rep.Recipients[0]
	if r.Address != "mari.tamm@example.ee" || r.Evidence != EvidenceGuess || r.Hard {
		t.Errorf("recipient = %s (%s, hard %v), want mari.tamm@example.ee as a soft guess", r.Address, r.Evidence, r.Hard)
	}
}

// TestDelayWarningSaysWhenFinal checks that a delay warning saying the sender will be told "if
// delivery fails permanently" is a delay, not a bounce.
func TestDelayWarningSaysWhenFinal(t *testing.T) {
	msg := "From: Mail Delivery Subsystem <mailer-daemon@mx.example.net>\r\nTo: news-bounces@lists.example.org\r\n" +
		"Subject: Delivery Status Notification (Delay)\r\n\r\n" +
		"Delivery to the following recipient has been delayed:\r\n\r\n     ann@example.com\r\n\r\n" +
		"Message will be retried for 2 more day(s)\r\n\r\n" +
		"Technical details of temporary failure:\r\nThe recipient server did not accept our requests to connect.\r\n\r\n" +
		"You will be notified if delivery fails permanently.\r\n"
	rep, err := Parse(strings.NewReader(msg), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kind != KindDelay || len(rep.Recipients) != 1 || rep.Recipients[0].Action != ActionDelayed {
		t.Errorf("kind %s, recipients %+v; want a delay for ann@example.com", rep.Kind, rep.Recipients)
	}
}

// TestInConditional checks that a final phrase in a clause about what may yet happen is told
// from one that says delivery was given up.
func TestInConditional(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"we will keep trying. you will be notified if delivery fails permanently.", true},
		{"you will be notified if delivery\nfails permanently.", true},
		{"delivery failed permanently. if you need help, write to us.", false},
		{"this is a permanent error.", false},
		{"unless delivery succeeds within 5 days, it will be given up.", true},
		{"if you want help: ask.\n\nthis is a permanent error.", false},
	}
	for _, c := range cases {
		i := -1
		for _, w := range []string{"permanent", "given up"} {
			if j := strings.LastIndex(c.text, w); j > i {
				i = j
			}
		}
		if got := inConditional(c.text, i); got != c.want {
			t.Errorf("inConditional(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestAcceptedRcpts checks that a RCPT the server accepted is set apart only when another RCPT
// of the session was refused and the message itself was not.
func TestAcceptedRcpts(t *testing.T) {
	session := func(replies ...string) []string {
		return strings.Split(">>> MAIL FROM:<b@lists.example.org>\n<<< 250 ok\n"+
			">>> RCPT TO:<a@example.org>\n<<< "+replies[0]+"\n"+
			">>> RCPT TO:<c@example.org>\n<<< "+replies[1]+"\n"+
			">>> DATA\n<<< 354 go on\n>>> .\n<<< "+replies[2], "\n")
	}
	cases := []struct {
		lines []string
		want  int // the line of the accepted RCPT, or -1 for none
	}{
		{session("250 2.1.5 Ok", "550 5.1.1 unknown", "250 queued"), 2},
		{session("250 2.1.5 Ok", "250 2.1.5 Ok", "554 5.6.0 header error"), -1},
		{session("250 2.1.5 Ok", "550 5.1.1 unknown", "554 5.6.0 header error"), -1},
		{session("550 5.1.1 unknown", "550 5.1.1 unknown", "250 queued"), -1},
	}
	for i, c := range cases {
		got := acceptedRcpts(c.lines)
		if len(got) > 1 || c.want < 0 && len(got) != 0 || c.want >= 0 && !got[c.want] {
			t.Errorf("case %d: accepted = %v, want line %d", i, got, c.want)
		}
	}
}

// TestSaysDelivered checks the words after an address that say it was delivered.
func TestSaysDelivered(t *testing.T) {
	for after, want := range map[string]bool{
		"  Delivered ":                true,
		": relayed.":                  true,
		" Failed: 550 5.1.1 unknown":  false,
		" delivered, but then failed": false,
		"":                            false,
		" Delivery failed":            false,
	} {
		if got := saysDelivered(after); got != want {
			t.Errorf("saysDelivered(%q) = %v, want %v", after, got, want)
		}
	}
}

// TestNullMXCodeYieldsToUnknownUser checks that a sole recipient's X.1.10, which both a null MX
// (RFC 7505) and Exchange's "recipient not found" use, reads as an unknown user when the
// notice says the user was not found, and stays notaccept when it does not.
func TestNullMXCodeYieldsToUnknownUser(t *testing.T) {
	notice := func(opening string) string {
		return "From: Mail Delivery System <mailer-daemon@mx.example.com>\r\nTo: b@lists.example.org\r\n" +
			"Subject: Undeliverable: news\r\n\r\n" + opening + "\r\n\r\n" +
			"Recipient Address: ann@example.com\r\nStatus code: 550 5.1.10\r\n"
	}
	for opening, want := range map[string]Reason{
		"Your message couldn't be delivered. ann wasn't found at example.com.": ReasonUserUnknown,
		"Your message couldn't be delivered.":                                  ReasonNotAccept,
	} {
		rep, err := Parse(strings.NewReader(notice(opening)), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Recipients) != 1 || rep.Recipients[0].Reason != want {
			t.Errorf("%q: recipients %+v, want one of reason %s", opening, rep.Recipients, want)
		}
	}
}

// TestNamesNewAddress checks that the address a moved mailbox's notice gives as its new one,
// on the label's line or the next, is told from the failed one.
func TestNamesNewAddress(t *testing.T) {
	cases := []struct {
		prev, line string
		want       bool
	}{
		{"This address has moved. The new address is", "dirk@new.example.com - please update", true},
		{"", "Neue Adresse: dirk@new.example.com", true},
		{"Your message to the following address could not be delivered:", "dirk@old.example.org", false},
		{"The new address book is online.", "Your message to dirk@old.example.org failed", false},
	}
	for _, c := range cases {
		if got := namesNewAddress(c.prev, c.line); got != c.want {
			t.Errorf("namesNewAddress(%q, %q) = %v, want %v", c.prev, c.line, got, c.want)
		}
	}
}

// TestPastedHeaderUnderRuledTitle: a header block pasted under a title drawn between rules is
// the returned message whatever the title's words, so that its From and List-* fields are known
// as the sender's; the title is left out of the notice's text.
func TestPastedHeaderUnderRuledTitle(t *testing.T) {
	tests := []struct {
		text     string
		wantCut  int
		wantFrom string
	}{
		{"Delivery failed.\n\n--- Message headers follow ---\nReturn-Path: <b@lists.example.org>\nFrom: news@lists.example.org\n", 18, "news@lists.example.org"},
		{"Delivery failed.\n\n=== Returned headers ===\nReceived: from x\nFrom: news@lists.example.org\n", 18, "news@lists.example.org"},
		{"Delivery failed.\n\nReturn-Path: <b@lists.example.org>\nFrom: news@lists.example.org\n", 18, "news@lists.example.org"},
		// Words above the block that are no ruled title are the notice's own.
		{"Delivery failed, see\nReturn-Path: <b@lists.example.org>\nFrom: news@lists.example.org\n", -1, ""},
	}
	for _, tt := range tests {
		lower := strings.ToLower(tt.text)
		cut, h := splitOriginal(tt.text, lower)
		if tt.wantCut < 0 {
			if cut != len(tt.text) || h != nil {
				t.Errorf("splitOriginal(%q) = %d, %v; want no returned message", tt.text, cut, h)
			}
			continue
		}
		if cut != tt.wantCut || h.get("from") != tt.wantFrom {
			t.Errorf("splitOriginal(%q) = %d, from %q; want %d, %q", tt.text, cut, h.get("from"), tt.wantCut, tt.wantFrom)
		}
	}
}

// TestNoticeListsAndContacts: an address alone on its line is no failed recipient when the words
// above it introduce a help desk ("For help contact our customer service:"), nor when it is in a
// list of all the original's recipients ("Recipients of the original message:"), a heading
// whose "original message:" does not start the returned message either.
func TestNoticeListsAndContacts(t *testing.T) {
	notice := func(text string) string {
		return "From: Mail System <mailer@mx.example.net>\nTo: news-bounces@lists.example.org\n" +
			"Subject: Undeliverable: November\n\n" + text + "\n"
	}
	for _, tt := range []struct{ name, text, want string }{
		{"help desk under a contact line", "Your message could not be delivered to the recipient below.\n\n   ann@example.net\n   Reason: mailbox disabled\n\nFor help contact our customer service:\n   helpdesk@isp.example.org\n   +49 30 1234567\n", "ann@example.net"},
		{"help desk after write to", "Your message could not be delivered to:\n\n   ann@example.net\n\nQuestions? Please write to\n   service@isp.example.org\n", "ann@example.net"},
		{"a team's address in the signature", "Your message could not be delivered to:\n\n    ann@example.net\n\nReason: the mailbox is disabled.\n\n--\nMail Services Team\nmailservices@corp.example.org\n", "ann@example.net"},
		{"a failed address after a sentence about contacting", "Delivery failed. Contact your administrator.\n   ann@example.net\n   Reason: mailbox disabled\n", "ann@example.net"},
		{"the original's recipients listed", "Recipients of the original message:\n  ann@example.net\n  bob@example.net\n\nThe following recipient could not be reached:\n  ann@example.net\n  Reason: 550 5.1.1 No such user\n", "ann@example.net"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(notice(tt.text)), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := addressesOf(rep); got != tt.want {
				t.Errorf("recipients %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOriginalMarkerAt: a marker of the returned message in a line that speaks of the
// original's recipients is not where the returned message starts.
func TestOriginalMarkerAt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"x\nbelow is a copy of the original message:\nfrom: a", 13},
		{"recipients of the original message:\n  a@example.net\n\noriginal message:\nfrom: a", 53},
		{"recipients of the original message:\n  a@example.net\n", -1},
	} {
		if got := originalMarkerAt(tt.text); got != tt.want {
			t.Errorf("originalMarkerAt(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestSplitAddressLine: Office 365 names the failed address apart, "kim.lowe wasn't found at
// outlook.example.com.", on a line of its own; other sentences with the words name none.
func TestSplitAddressLine(t *testing.T) {
	for line, want := range map[string]string{
		"kim.lowe wasn't found at outlook.example.com.":        "kim.lowe@outlook.example.com",
		"  Ann.Lee was not found at example.org":               "Ann.Lee@example.org",
		"The domain wasn't found at the name server.":          "",
		"kim.lowe wasn't found at outlook.example.com, sorry.": "",
		"kim.lowe wasn't found at localhost-without-dot":       "",
		"Your message to Kim Lowe couldn't be delivered.":      "",
	} {
		if got := splitAddressLine(line); got != want {
			t.Errorf("splitAddressLine(%q) = %q, want %q", line, got, want)
		}
	}
}
