package dsn

import (
	"strings"
	"testing"
)

// TestTemporaryNeverHard: whatever the reason, a temporary code never makes a recipient hard.
func TestTemporaryNeverHard(t *testing.T) {
	for _, reason := range []Reason{ReasonUserUnknown, ReasonHostUnknown, ReasonHasMoved, ReasonNotAccept} {
		for _, codes := range [][2]string{{"4.1.1", "450"}, {"4.0.0", "550"}, {"4", "450"}, {"", "450"}, {"5", "451"}} {
			if Judge(reason, codes[0], codes[1]).Hard {
				t.Errorf("%s with %v is hard", reason, codes)
			}
		}
		if !Judge(reason, "5.1.1", "450").Hard {
			t.Errorf("%s with a precise permanent status is not hard", reason)
		}
	}
}

// TestPrecedenceReasons checks the written precedence of docs/classification.md on single
// diagnostics.
func TestPrecedenceReasons(t *testing.T) {
	checkReasons(t, nil, []reasonCase{
		// A DNS answer that says to try again is not a domain that does not exist.
		{ClassifyInput{Action: "failed", Status: "5.4.3", Diagnostic: "Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again"}, "networkerror"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "getaddrinfo for mx.example.net failed: Temporary failure in name resolution"}, "networkerror"},
		{ClassifyInput{Action: "failed", Status: "5.1.2", Diagnostic: "Host or domain name not found. Name service error for name=nowhere.example type=A: Host not found"}, "hostunknown"},
		// The same with the host named between the words (the DragonFly Mail Agent's "DNS lookup
		// failure: host ... not found"), and its "try again" form.
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "DNS lookup failure: host nowhere.example.org not found"}, "hostunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Host mx.example.org not found, try again"}, "networkerror"},
		// 4.3.2 is a system not accepting mail for now; 5.3.2 for good.
		{ClassifyInput{Action: "delayed", Status: "4.3.2", ReplyCode: "452", Diagnostic: "452 4.3.2 System not accepting network messages"}, "systemerror"},
		{ClassifyInput{Action: "failed", Status: "4.3.2", ReplyCode: "421", Diagnostic: "421 4.3.2 Service shutting down"}, "systemerror"},
		{ClassifyInput{Action: "failed", Status: "5.3.2", ReplyCode: "521", Diagnostic: "521 5.3.2 System not accepting network messages"}, "notaccept"},
		// A relaying refusal, not an unknown domain.
		{ClassifyInput{Action: "failed", Status: "5.0.0", ReplyCode: "550", Diagnostic: "550 Domain is not in my list of allowed hosts"}, "norelaying"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", ReplyCode: "553", Diagnostic: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"}, "norelaying"},
		// 5.1.6: the mailbox has moved.
		{ClassifyInput{Action: "failed", Status: "5.1.6", ReplyCode: "550", Diagnostic: "550 5.1.6 Recipient addresses rejected"}, "hasmoved"},
		// Postfix's "delivery temporarily suspended:" only says that it stopped trying the
		// destination for a while; the cause is what follows, not a suspended account.
		{ClassifyInput{Action: "failed", Status: "4.4.2", Diagnostic: "delivery temporarily suspended: lost connection with mx.example.net[192.0.2.1] while sending RCPT TO"}, "networkerror"},
		{ClassifyInput{Action: "failed", Status: "4.4.1", Diagnostic: "delivery temporarily suspended: connect to mx.example.net[192.0.2.1]:25: Connection refused"}, "expired"},
		{ClassifyInput{Action: "failed", Status: "5.2.1", Diagnostic: "550 5.2.1 Mailbox suspended"}, "suspend"},
		// Sendmail's own "delivery time expired" (4.4.7) gives way to the remote's reply code when
		// that is all the remote said: "451" is a failure of the remote system.
		{ClassifyInput{Action: "failed", Status: "4.4.7", ReplyCode: "451", Diagnostic: "451 Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"}, "systemerror"},
		// A multi-line reply with no enhanced code, its lines joined (Exim folds them into one
		// Diagnostic-Code): the phrase that spans the lines still matches.
		{ClassifyInput{Action: "failed", Status: "5.0.0", ReplyCode: "421", Diagnostic: "421-resimta-po-26v.sys.comcast.net comcast 192.0.2.1 Too many 421 sessions opened"}, "toomanyconn"},
		// qmail's expiry.
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "I'm not going to try again; this message has been in the queue too long."}, "expired"},
	})
}

// precedenceDSN is a one-recipient DSN with the given fields and human-readable text.
func precedenceDSN(status, diagnostic, text string) string {
	d := ""
	if diagnostic != "" {
		d = "Diagnostic-Code: smtp; " + diagnostic + "\n"
	}
	return `From: MAILER-DAEMON@mx.example.org
To: news@example.org
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

` + text + `

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; a@remote.test
Action: failed
Status: ` + status + "\n" + d + `
--B--
`
}

// TestPrecedenceCodes checks which codes and words a recipient's verdict comes from when the
// MTA's fields and the remote's reply disagree.
func TestPrecedenceCodes(t *testing.T) {
	tests := []struct {
		name, msg     string
		status, reply string
		reason        Reason
		action        Action
		hard          bool
	}{
		{"the remote's precise code beats the MTA's generic status",
			precedenceDSN("5.0.0", "", "  a@remote.test\n    host mx.remote.test [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<a@remote.test>:\n    452 4.2.2 The email account that you tried to reach is over quota\n    retry timeout exceeded"),
			"4.2.2", "452", "mailboxfull", "failed", false},
		{"the remote's refusal beats Sendmail's answer to its own QUIT",
			precedenceDSN("5.0.0", "221 2.0.0 Bye", "----- Transcript of session follows -----\n... while talking to mx.remote.test.:\n<<< 421 4.7.0 mx.remote.test Error: too many connections from 192.0.2.9\n>>> QUIT\n<<< 221 2.0.0 Bye\n554 5.0.0 Service unavailable"),
			"4.7.0", "421", "toomanyconn", "failed", false},
		{"an expiry the MTA calls failed is the delayed recipient of a bounce (the labels' convention); it is reported soft",
			precedenceDSN("5.0.0", "", "  a@remote.test\n    retry timeout exceeded"),
			"5.0.0", "", "expired", "delayed", false},
		{"the remote's code for its reply beats the one Sendmail derives from the reply code",
			precedenceDSN("5.2.2", "552-5.7.0 This message was blocked because its content presents a potential", "The message could not be delivered."),
			"5.7.0", "552", "policyviolation", "failed", false},
		{"delivery time expired gives way to the code of the cause",
			precedenceDSN("4.4.7", "421 4.7.0 mx.remote.test Error: too many connections from 192.0.2.9", "Message could not be delivered for 5 days"),
			"4.7.0", "421", "toomanyconn", "failed", false},
		{"a non-standard reply code is kept",
			precedenceDSN("5.0.0", "571 Delivery not authorized, message refused", "The message could not be delivered."),
			"5.0.0", "571", "securityerror", "failed", false},
		{"a non-standard reply code after chasquid's stage name is kept",
			precedenceDSN("5.0.0", "MAIL+RCPT 571 Email from 192.0.2.9 is currently blocked by Verizon Online's anti-spam system.", "Delivery of your message to the following recipient(s) failed permanently."),
			"5.0.0", "571", "blocked", "failed", false},
		{"a temporary unknown user is not hard",
			precedenceDSN("4.1.1", "450 4.1.1 <a@remote.test>: Recipient address rejected: User unknown in local recipient table", "The message could not be delivered."),
			"4.1.1", "450", "userunknown", "failed", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Parse(strings.NewReader(tt.msg), nil)
			if err != nil || len(rep.Recipients) != 1 {
				t.Fatalf("%v %+v", err, rep)
			}
			r := rep.Recipients[0]
			if r.Status != tt.status || r.ReplyCode != tt.reply || r.Reason != tt.reason || r.Action != tt.action || r.Hard != tt.hard {
				t.Errorf("got status %s reply %s reason %s action %s hard %v, want %s %s %s %s %v (diagnostic %q)",
					r.Status, r.ReplyCode, r.Reason, r.Action, r.Hard, tt.status, tt.reply, tt.reason, tt.action, tt.hard, r.Diagnostic)
			}
		})
	}
}
