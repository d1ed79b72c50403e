package dsn

import (
	"os"
	"strings"
	"testing"
)

// mtaWrapping puts a remote's reply (its lines) where a real MTA's DSN carries one: in a fixture
// of testdata/real made by that MTA, the fixture's own reply replaced. It returns "" when the
// MTA does not write such a DSN for that reply.
type mtaWrapping struct {
	name, fixture string
	wrap          func(fixture string, lines []string) string
}

// mtaWrappings are the ways Postfix, Exim, Sendmail, OpenSMTPD and chasquid write a refusal at
// RCPT TO, and Exim and Sendmail a temporary one after the retry period ran out.
var mtaWrappings = []mtaWrapping{
	{"postfix", "postfix-provider-outlook-recipient-not-found.eml", func(f string, lines []string) string {
		// Postfix joins the lines of a reply and writes the status of its first line, or the
		// class of its reply code.
		reply := strings.Join(lines, " ")
		status := lines[0][:1] + ".0.0"
		if st := findStatus(lines[0][4:]); st != "" && strings.HasPrefix(lines[0][4:], st) {
			status = st
		}
		f = strings.Replace(f, "    550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP\n    address lookup (in reply to RCPT TO command)", "    "+reply+" (in reply to RCPT TO command)", 1)
		f = strings.Replace(f, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not\n    found by SMTP address lookup", reply, 1)
		return strings.Replace(f, "Status: 5.1.10", "Status: "+status, 1)
	}},
	{"exim", "exim-remote-550.eml", func(f string, lines []string) string {
		// Exim writes each line of the reply, indented, and folds them into its Diagnostic-Code
		// under "Status: 5.0.0"; after the retry period it adds "retry timeout exceeded".
		body := strings.Join(lines, "\n    ")
		if lines[0][0] == '4' {
			body += "\n    retry timeout exceeded"
		}
		f = strings.Replace(f, "    550 5.1.1 <nouser@remote.test>: User unknown (fake remote)", "    "+body, 1)
		return strings.Replace(f, "550 5.1.1 <nouser@remote.test>: User unknown (fake remote)", strings.Join(lines, "\n "), 1)
	}},
	{"sendmail", "sendmail-outlook-recipient-not-found.eml", func(f string, lines []string) string {
		// Sendmail quotes the first line, writes the whole reply in its transcript, and sums it
		// up by its reply code: 550 "User unknown" under Status 5.1.1, 552 Status 5.2.2, others
		// "Service unavailable" under Status 5.0.0.
		if lines[0][0] == '4' {
			return ""
		}
		f = strings.Replace(f, "<<< 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "<<< "+strings.Join(lines, "\n<<< "), 1)
		f = strings.ReplaceAll(f, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", lines[0])
		switch lines[0][:3] {
		case "550":
			return f
		case "552":
			f = strings.Replace(f, "Status: 5.1.1", "Status: 5.2.2", 1)
		default:
			f = strings.Replace(f, "Status: 5.1.1", "Status: 5.0.0", 1)
		}
		return strings.Replace(f, "550 5.1.1 <bo@outlook.test>... User unknown", "554 5.0.0 Service unavailable", 1)
	}},
	{"sendmail-expired", "sendmail-quota-expired.eml", func(f string, lines []string) string {
		if lines[0][0] != '4' {
			return ""
		}
		f = strings.Replace(f, "<<< 452-4.2.2 The recipient's inbox is out of storage space. Please direct the\n<<< 452 4.2.2 recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp", "<<< "+strings.Join(lines, "\n<<< "), 1)
		return strings.ReplaceAll(f, "452-4.2.2 The recipient's inbox is out of storage space. Please direct the", lines[0])
	}},
	{"opensmtpd", "opensmtpd-remote-550-unknown.eml", func(f string, lines []string) string {
		if lines[0][0] == '4' || len(lines) > 1 {
			return ""
		}
		return strings.Replace(f, "550 5.1.1 <ann@unknown.test>: Recipient address rejected: User unknown in virtual mailbox table", lines[0], 1)
	}},
	{"chasquid", "chasquid-outlook-recipient-not-found.eml", func(f string, lines []string) string {
		if lines[0][0] == '4' || len(lines) > 1 {
			return ""
		}
		return strings.ReplaceAll(f, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", lines[0])
	}},
}

// replyLines returns a reply as one line, and, when it is long, also as the lines of a
// multi-line reply of about 60 characters each that repeat its code and status ("550-5.7.1
// ..."), as Gmail and Microsoft send them.
func replyLines(reply string) [][]string {
	code, rest := reply[:3], reply[4:]
	single := [][]string{{code + " " + rest}}
	if len(reply) < 75 {
		return single
	}
	status := ""
	if st := findStatus(rest); st != "" && strings.HasPrefix(rest, st) {
		status, rest = st+" ", strings.TrimSpace(rest[len(st):])
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(rest) {
		if line != "" && len(line)+len(w) > 60 {
			lines = append(lines, code+"-"+status+line)
			line = ""
		}
		line = strings.TrimSpace(line + " " + w)
	}
	lines = append(lines, code+" "+status+line)
	return append(single, lines)
}

// TestPublishedRepliesThroughMTAs checks that the reason of each SMTP reply of publishedReplies
// survives the DSN that a real MTA writes around it: the reply put in the place of the remote's
// reply in fixtures made by Postfix, Exim, Sendmail, OpenSMTPD and chasquid (single-line, and
// split into lines when long), the parsed recipient must have the reply's reason, and be hard only
// for a dead address said with a permanent code.
func TestPublishedRepliesThroughMTAs(t *testing.T) {
	fixtures := map[string]string{}
	for _, w := range mtaWrappings {
		b, err := os.ReadFile("../testdata/real/" + w.fixture)
		if err != nil {
			t.Fatal(err)
		}
		fixtures[w.name] = string(b)
		probe := "550 5.7.1 probe"
		if w.name == "sendmail-expired" {
			probe = "450 4.7.1 probe"
		}
		if msg := w.wrap(fixtures[w.name], []string{probe}); msg == fixtures[w.name] || !strings.Contains(msg, probe) {
			t.Fatalf("%s: the reply of %s was not replaced", w.name, w.fixture)
		}
	}
	checked := 0
	for _, c := range publishedReplies {
		if len(c.diag) < 5 || !replyCodeAt(c.diag, 0) || c.diag[0] == '2' || c.diag[3] != ' ' && c.diag[3] != '-' {
			continue // not an SMTP reply: an MTA's own words
		}
		permanent := c.diag[0] == '5' && !strings.HasPrefix(c.diag[4:], "4.")
		wantHard := permanent && (c.want == ReasonUserUnknown || c.want == ReasonHostUnknown || c.want == ReasonHasMoved || c.want == ReasonNotAccept)
		for _, lines := range replyLines(c.diag) {
			for _, w := range mtaWrappings {
				msg := w.wrap(fixtures[w.name], lines)
				if msg == "" {
					continue
				}
				checked++
				rep, err := Parse(strings.NewReader(msg), nil)
				if err != nil || len(rep.Recipients) != 1 {
					t.Errorf("%s %q: %v, %d recipients", w.name, lines, err, len(rep.Recipients))
					continue
				}
				r := rep.Recipients[0]
				if r.Reason != c.want || r.Hard != wantHard {
					t.Errorf("%s %q: got %s hard=%v (status %s), want %s hard=%v", w.name, lines, r.Reason, r.Hard, r.Status, c.want, wantHard)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d DSNs checked", checked)
	}
}
