package dsn

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestLoadRulesFile(t *testing.T) {
	f, err := os.Open("testdata/rules/french.rules")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := LoadRules(f)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		diag, status string
		want         Reason
	}{
		{"550 Boite aux lettres pleine", "5.2.2", "mailboxfull"},
		{"550 adresse inconnue", "5.1.1", "userunknown"},
		{"550 5.7.1 refus", "5.7.1", "policyviolation"},
		{"550 5.7.1 Relaying denied", "5.7.1", "policyviolation"}, // the user's rules come first
		{"550 5.1.1 user unknown", "5.1.1", "userunknown"},
	}
	for _, tt := range tests {
		if got := Classify(ClassifyInput{Action: "failed", Status: tt.status, Diagnostic: tt.diag}, rs).Reason; got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.diag, got, tt.want)
		}
	}
	if p := rs.StatusPrefixes(); len(p) != 1 || p[0] != "Statut :" {
		t.Errorf("status prefixes %q", p)
	}
	if p := rs.RecipientPrefixes(); len(p) != 1 || p[0] != "Destinataire :" {
		t.Errorf("recipient prefixes %q", p)
	}
}

func TestLoadRulesErrors(t *testing.T) {
	for _, bad := range []string{
		`phrase "x" nosuchreason`, `phrase "x"`, `regexp "(" userunknown`, `status 9.9.9 userunknown`,
		`frobnicate "x" userunknown`, `phrase "unterminated userunknown`, `phrase "x" userunknown status=abc`,
		`phrase "x" userunknown host=`, `phrase "x" userunknown finally`, `header "X-Spam" spamdetected`,
		`status 5.7.1 blocked status=5.7.`,
	} {
		_, err := LoadRules(strings.NewReader("# ok\n" + bad + "\n"))
		if err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%s: error %v", bad, err)
		}
	}
}

// TestRuleConditions checks the conditions a rule may set: host, command, status, final, and
// header rules.
func TestRuleConditions(t *testing.T) {
	rs, err := LoadRules(strings.NewReader(`
phrase "unknown user" rejected  host=example.net command=DATA final
phrase "over limit"   speeding  host=mail.example.org status=4.
header "X-Filter" "refused" filtered
regexp "\bcode_\d{3}\b" blocked
phrase "say \"no\"" policyviolation
`))
	if err != nil {
		t.Fatal(err)
	}
	headers := func(v string) func(string) string {
		return func(name string) string {
			if name == "x-filter" {
				return v
			}
			return ""
		}
	}
	tests := []reasonCase{
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 Unknown user", Command: "DATA", Recipient: "a@example.net"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 Unknown user", Command: "DATA", Recipient: "a@sub.example.net"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 Unknown user", Command: "RCPT", Recipient: "a@example.net"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 Unknown user", Command: "DATA", Recipient: "a@notexample.net"}, "filtered"},
		{ClassifyInput{Action: "failed", Status: "4.0.0", Diagnostic: "450 over limit", Recipient: "a@example.com", RemoteMTA: "dns; mx1.mail.example.org"}, "speeding"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 over limit", Recipient: "a@example.com", RemoteMTA: "mx1.mail.example.org"}, "onhold"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 no", Header: headers("Refused by filter")}, "filtered"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 no", Header: headers("passed")}, "onhold"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 refused CODE_123"}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 refused CODE_1234"}, "onhold"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: `550 we say "no"`}, "policyviolation"},
	}
	checkReasons(t, rs, tests)
}

func TestJudge(t *testing.T) {
	for reason, cat := range categories {
		c := Judge(reason, "5.0.0", "550")
		hard := reason == "userunknown" || reason == "hostunknown" || reason == "hasmoved" || reason == "notaccept"
		if c.Category != cat || c.Hard != hard {
			t.Errorf("%s: %+v", reason, c)
		}
	}
	if Judge("notaccept", "4.0.0", "450").Hard {
		t.Error("a temporary notaccept is hard")
	}
}

func TestClassifyTable(t *testing.T) {
	tests := []reasonCase{
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in local recipient table"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550-5.1.1 The email account that you tried to reach does not exist."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.5.0", Diagnostic: "550 Requested action not taken: mailbox unavailable"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.2.2", Diagnostic: "552 5.2.2 The email account that you tried to reach is over quota"}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 5.7.1 Message rejected as spam by Content Filtering"}, "spamdetected"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "554 5.7.1 <x@example.org>: Relay access denied"}, "norelaying"},
		{ClassifyInput{Action: "failed", Status: "5.7.26", Diagnostic: "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy"}, "authfailure"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 5.7.1 Client host rejected: cannot find your reverse hostname"}, "requireptr"},
		{ClassifyInput{Action: "failed", Status: "5.3.4", Diagnostic: "552 5.3.4 Message size exceeds fixed limit"}, "mesgtoobig"},
		{ClassifyInput{Action: "failed", Status: "5.1.2", Diagnostic: "Host or domain name not found. Name service error for name=nowhere.example type=A"}, "hostunknown"},
		{ClassifyInput{Action: "failed", Status: "5.2.1", Diagnostic: "550 5.2.1 The email account that you tried to reach is disabled"}, "suspend"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "procmail: Quota exceeded while writing", Command: ""}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 user unknown", Command: "DATA"}, "filtered"},
		// Yahoo refuses the addresses it does not have only after DATA, and says so: unknown.
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "554 delivery error: dd This user doesn't have a yahoo.com account (ann@yahoo.com) [0] - mta1234.mail.ne1.yahoo.com", Command: "DATA"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "554 delivery error: dd This user doesn't have a  account (ann@aol.com) [-5]", Command: "DATA"}, "userunknown"},
		// The same words from another server, after DATA, stay a filter's refusal.
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "554 This user doesn't have an account here", Command: "DATA"}, "filtered"},
		// Apache James's mailets refuse mail James had accepted: its stock "no such user here" is
		// a refusal after DATA, while a remote's precise X.1.1 passed on in its notice is not.
		{ClassifyInput{Action: "failed", Status: "5", ReplyCode: "550", Diagnostic: "550 - Requested action not taken: no such user here", MTA: jamesName}, "filtered"},
		{ClassifyInput{Action: "failed", Status: "5", ReplyCode: "550", Diagnostic: "550 - Requested action not taken: no such user here", MTA: "text"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", ReplyCode: "550", Diagnostic: "550 5.1.1 <paul@shop.example.com>: Recipient address rejected: User unknown", MTA: jamesName}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 <sender@example.org> no such user", Command: "MAIL"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "4.4.1", Diagnostic: "connect to mx.example.org[192.0.2.1]:25: Connection timed out"}, "expired"},
		{ClassifyInput{Action: "failed", Status: "4.4.1", Diagnostic: "connect to mx.example.org[192.0.2.1]:25: No route to host"}, "networkerror"},
		{ClassifyInput{Action: "delayed", Status: "4.4.1", Diagnostic: "connect to mx.example.org[192.0.2.1]:25: No route to host"}, "networkerror"},
		{ClassifyInput{Action: "delayed", Status: "4.4.0", Diagnostic: "The server will continue trying for up to 21 hours."}, "expired"},
		{ClassifyInput{Action: "failed", Status: "4.4.7", Diagnostic: "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"}, "expired"},
		{ClassifyInput{Action: "failed", Status: "4.3.0", Diagnostic: "Envelope expired. Please note that this is only a temporary failure report."}, "expired"},
		{ClassifyInput{Action: "failed", Status: "4.0.0", Diagnostic: "451 Could not load DRD for domain (example.com)", ReplyCode: "451"}, "systemerror"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Your message was not delivered within 2 days and 1 hours. Remote host is not responding."}, "expired"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "because: User Jo Doe (jo@example.com) not listed in Domino Directory"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "jdoe    No matches to nameserver query"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "No entry matches this name in the staff directory"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", ReplyCode: "550", Diagnostic: "550 Rejected", Command: "HELO"}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", ReplyCode: "550", Diagnostic: "550 Access denied", Command: "CONN"}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.3.0", DiagnosticType: "x-unix", Diagnostic: "cannot: 1: Syntax error: Unterminated quoted string"}, "mailererror"},
		{ClassifyInput{Action: "failed", Status: "5.2.2", DiagnosticType: "x-unix", Diagnostic: "input/output error"}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5.3.0", DiagnosticType: "x-unix", Diagnostic: "input/output error"}, "mailererror"},
		{ClassifyInput{Action: "failed", Status: "5", ReplyCode: "553", Diagnostic: "553 news.example.org does not exist", Command: "DATA", Sender: "bounces@news.example.org", Recipient: "ana@example.net"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", ReplyCode: "550", Diagnostic: "550 Access denied", Command: "MAIL"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "4.7.1", ReplyCode: "450", Diagnostic: "450 4.7.1 Access denied. IP name lookup failed [192.0.2.9]", Command: "MAIL"}, "requireptr"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", ReplyCode: "550", Diagnostic: "550 5.7.1 Relaying denied. IP name lookup failed [192.0.2.9]", Command: "RCPT"}, "norelaying"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "552 Too many recipients", Command: "RCPT"}, "toomanyconn"},
		{ClassifyInput{Action: "failed", Status: "5.7.9", Diagnostic: "mta5.am0.yahoodns.net did not like our final DATA: 554 5.7.9 Message not accepted for policy reasons."}, "policyviolation"},
		{ClassifyInput{Action: "failed", Status: "4.4.1", Diagnostic: "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try again; this message has been in the queue too long."}, "networkerror"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "For the following reason: Mail size limit exceeded."}, "mesgtoobig"},
		{ClassifyInput{Action: "failed", Status: "5.5.0", Diagnostic: "550 5.5.0 Adresse destinataire invalide. Invalid recipient. LPN007_416", Command: "DATA"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.1.0", Diagnostic: "550 5.1.0 <bounce@example.org> sender rejected. AUP#CXBL"}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.1.0", Diagnostic: "550 5.1.0 <bounce@example.org> sender rejected. AUP#In-1310"}, "toomanyconn"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "5.1.0 - Unknown address error 550-'5.7.1 <bounce-1@bounces.example.org>... Access denied' (delivery attempts: 0)"}, "securityerror"},
		{ClassifyInput{Action: "failed", Status: "5.1.0", Diagnostic: "5.1.0 - Unknown address error 550-'<a@example.org>: no such user here' (delivery attempts: 0)"}, "userunknown"},
		// Headers refused at the end of DATA: their form (contenterror), or RFC 5322 itself.
		{ClassifyInput{Action: "failed", Status: "5.6.0", Command: "DATA", Diagnostic: "554 5.6.0 Message headers fail syntax check"}, "contenterror"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Command: "DATA", Diagnostic: "550 Header syntax error in the Subject field"}, "contenterror"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Command: "DATA", Diagnostic: "554 5.7.1 Message rejected: missing Date header"}, "notcompliantrfc"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Command: "DATA", Diagnostic: "550 5.7.1 No From: header found in the message"}, "notcompliantrfc"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 5.7.1 Access denied", Command: "MAIL"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 550 5.7.1 <bounce@example.org>... Access denied"}, "securityerror"},
		{ClassifyInput{Action: "failed", Status: "5.4.1", Diagnostic: "550 5.4.1 All recipient addresses rejected : Access denied"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "4.7.0", Diagnostic: "Connected to 192.0.2.1 but sender was rejected. Remote host said: 421 4.7.0 [TSS04] Messages from 192.0.2.2 temporarily deferred due to unexpected volume or user complaints"}, "badreputation"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "554 <b@example.org>... 550 Host unknown", Command: "MAIL", fromTranscript: true}, "hostunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "550 <b@example.org>... Host unknown", Command: "MAIL"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "4.3.0", Diagnostic: "temporary failure", DiagnosticType: "x-unix"}, "mailererror"},
		{ClassifyInput{Action: "failed", Status: "5.2.2", Diagnostic: "maildrop: maildir over quota.", DiagnosticType: "x-unix"}, "mailboxfull"},
		{ClassifyInput{Action: "delivered", Status: "2.0.0"}, "delivered"},
		{ClassifyInput{Action: "failed", Status: "5.7.27"}, "notaccept"},
		{ClassifyInput{Action: "failed", Status: "5.9.9"}, "onhold"},
		{ClassifyInput{Action: "failed", Status: "5"}, "undefined"},
		{ClassifyInput{Action: "failed", Status: "5", ReplyCode: "552"}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "4.7.0", Diagnostic: "421 4.7.0 Try again later, closing connection. (rate limit)"}, "speeding"},
		{ClassifyInput{Action: "failed", Status: "5.7.0", Diagnostic: "554 5.7.0 message contains a virus"}, "virusdetected"},
		{ClassifyInput{Action: "failed", Status: "5.1.6", Diagnostic: "551 5.1.6 recipient has moved"}, "hasmoved"},
		{ClassifyInput{Action: "failed", Status: "5.7.606", Diagnostic: "550 5.7.606 Access denied, banned sending IP [192.0.2.1]."}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "5.7.708", Diagnostic: "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP."}, "blocked"},
		{ClassifyInput{Action: "failed", Status: "4.7.28", Diagnostic: "421-4.7.28 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address."}, "speeding"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 The email account that you tried to reach is disabled."}, "suspend"},
		{ClassifyInput{Action: "failed", Status: "5.7.57", Diagnostic: "530 5.7.57 Client not authenticated to send mail."}, "securityerror"},
		// cPanel's wording of Exim's "Unrouteable address", whose list of guesses names a blocklist.
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "The mail server could not deliver mail to ana@example.net.  The account or domain may not exist, they may be blacklisted, or missing the proper dns entries."}, "hostunknown"},
		// The sending side demands TLS that the remote does not offer: a requirement unmet, not a
		// malformed command (the 500 of Gmail's notice).
		{ClassifyInput{Action: "failed", Status: "5", ReplyCode: "500", Diagnostic: "The error that the other server returned was: 500 Remote server does not support TLS (state 6)."}, "securityerror"},
		{ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 5.7.1 Email rejected per DMARC policy for example.org"}, "authfailure"},
		{ClassifyInput{Action: "failed", Status: "5.7.350", Diagnostic: "550 5.7.350 Remote server returned message detected as spam"}, "spamdetected"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "127", DiagnosticType: "X-Unix"}, "mailererror"},
		// The fifteenth old-format batch's languages, with no code to go by.
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Prejemnik: ana@example.si Razlog: poštni predal prejemnika je poln."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Viðtakandi: jon@example.is Ástæða: Pósthólf viðtakanda er fullt."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "ahmad@example.my Sebab: Alamat e-mel tersebut tidak wujud."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "گیرنده: reza@example.ir علت: این نشانی ایمیل وجود ندارد."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "L'adresse claire@example.fr n'existe plus depuis le 30 septembre"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Destinatario: xoan@example.gal Motivo: a caixa de correo do destinatario está chea."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Алушы: aigerim@example.kz Себебі: мұндай пайдаланушы жоқ."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "प्राप्तकर्ता: rahul@example.in कारण: प्राप्तकर्ता का मेलबॉक्स भरा हुआ है।"}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Marrësi: arben@example.al Arsyeja: kutia postare e marrësit është plot."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Ontvanger: pieter@example.co.za Rede: die e-posadres bestaan nie."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Dahilan: Hindi umiiral ang email address na ito."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Alıcı: leyla@example.az Səbəb: alıcının poçt qutusu doludur."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Derbynnydd: rhys@example.cymru Rheswm: mae blwch post y derbynnydd yn llawn."}, "mailboxfull"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Mpokeaji: wanjiru@example.ke Sababu: anwani hii ya barua pepe haipo."}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "მიზეზი: ასეთი მომხმარებელი არ არსებობს"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Прычына: такога карыстальніка не існуе"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5", Diagnostic: "Your message to jan@example.net was automatically rejected: I do not accept mailing list mail."}, "filtered"},
	}
	checkReasons(t, nil, tests)
}

func BenchmarkClassify(b *testing.B) {
	in := ClassifyInput{Action: "failed", Status: "5.7.1", Diagnostic: "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus; To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1"}
	for i := 0; i < b.N; i++ {
		Classify(in, nil)
	}
}

// TestRulesPrefixesFindOddBounces parses a notice that only the user's prefixes explain.
func TestRulesPrefixesFindOddBounces(t *testing.T) {
	f, _ := os.Open("testdata/rules/french.rules")
	rs, err := LoadRules(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	msg, err := os.ReadFile("../testdata/handmade/odd-french-notice.eml")
	if err != nil {
		t.Fatal(err)
	}
	without, _ := Parse(strings.NewReader(string(msg)), nil)
	if len(without.Recipients) != 0 {
		t.Fatalf("found %+v without the rules", without.Recipients)
	}
	with, err := Parse(strings.NewReader(string(msg)), &Options{Rules: rs})
	if err != nil {
		t.Fatal(err)
	}
	if len(with.Recipients) != 1 {
		t.Fatalf("recipients %+v", with.Recipients)
	}
	r := with.Recipients[0]
	if r.Address != "luc@example.fr" || r.Status != "5.2.2" || r.Reason != "mailboxfull" || r.Action != "failed" {
		t.Errorf("recipient %+v", r)
	}
}

// TestClassifyProviderReplies checks current replies of large providers and common filters,
// beyond the shared corpus (as a bounce that ended in failure).
func TestClassifyProviderReplies(t *testing.T) {
	cases := []struct {
		st, diag string
		want     Reason
	}{
		{"5.7.1", "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", "blocked"},
		{"5.7.1", "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "policyviolation"},
		{"4.2.2", "452-4.2.2 The recipient's inbox is out of storage space and inactive. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm", "mailboxfull"},
		{"5.7.1", "550-5.7.1 [192.0.2.1] Gmail has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail", "spamdetected"},
		{"5.2.1", "550 5.2.1 The email account that you tried to reach is inactive.", "suspend"},
		{"5.5.0", "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)", "userunknown"},
		{"5.2.2", "552 5.2.2 Mailbox size limit exceeded", "mailboxfull"},
		{"5.0.0", "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", "userunknown"},
		{"5.0.0", "554 resimta-po-01v.sys.comcast.net resimta-po-01v.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001", "blocked"},
		{"5.3.0", "553 5.3.0 flpd575 DNSBL:RBL 521< 192.0.2.1 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", "blocked"},
		{"5.0.0", "554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://web.de/email/senderguidelines?ip=192.0.2.1", "policyviolation"},
		{"5.0.0", "550 Message was not accepted -- invalid mailbox.  Local mailbox kijitora@mail.ru is unavailable: user not found", "userunknown"},
		{"5.7.1", "550 5.7.1 No such user!", "userunknown"},
		{"5.4.6", "550 5.4.6 Unusual sending activity detected. Please try after sometime", "speeding"},
		{"5.7.1", "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1", "blocked"},
		{"5.7.1", "550 5.7.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT018.eop-EUR03.prod.protection.outlook.com]", "userunknown"},
		{"5.7.708", "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", "blocked"},
		{"5.7.509", "550 5.7.509 Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC verification and has a DMARC policy of reject.", "authfailure"},
		{"5.7.26", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.", "authfailure"},
		{"4.7.0", "421-4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address.", "badreputation"},
		{"4.7.0", "421-4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending domain.", "badreputation"},
		{"5.7.1", "550-5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious due to the very low reputation of the sending domain.", "badreputation"},
		{"5.7.1", "554 5.7.1 <a@example.org>: Relay access denied", "norelaying"},
		{"5.1.1", "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table", "userunknown"},
		{"5.1.8", "550 5.1.8 Access denied, bad outbound sender", "rejected"},
		{"5.1.1", "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.", "suppressed"},
		{"5.0.0", "550 5.0.0 Not delivering to previously bounced address", "suppressed"},
		{"5", "Mailbox quota usage exceeded. Espacio en casilla de mail agotado.", "mailboxfull"},
		{"5", "Esta casilla ha expirado por falta de uso.", "suspend"},
		{"5.0.0", "550 This mailbox has expired due to inactivity", "suspend"},
		{"5.0.0", "Der Empfänger ist unbekannt.", "userunknown"},
		{"5.0.0", "El usuario no existe.", "userunknown"},
		{"5.0.0", "Le domaine n'existe pas", "hostunknown"},
		{"5.0.0", "Ce destinataire n'existe pas", "userunknown"},
		{"5.0.0", "550 <a@example.jp>: ユーザーが存在しません", "userunknown"},
		{"5.0.0", "El buzón está lleno", "mailboxfull"},
		{"5.0.0", "550 收件人不存在", "userunknown"},
		{"5.0.0", "EMPFÄNGER UNBEKANNT", "userunknown"},
		{"5.0.0", "550 Пользователь не найден", "userunknown"},
		{"5.0.0", "Użytkownik nie istnieje", "userunknown"},
		{"5.0.0", "Uživatel neexistuje", "userunknown"},
		{"5.0.0", "Okänd mottagare", "userunknown"},
		{"5.0.0", "550 邮箱不存在", "userunknown"},
		{"4.0.0", "Почтовый ящик переполнен", "mailboxfull"},
		{"5.0.0", "Skrzynka pocztowa jest pełna", "mailboxfull"},
		{"5.0.0", "La casella di posta elettronica è piena", "mailboxfull"},
		{"5.0.0", "De mailbox is vol", "mailboxfull"},
		{"5.0.0", "Brevlådan är full", "mailboxfull"},
		{"5.0.0", "Posta kutusu dolu", "mailboxfull"},
		{"4.3.0", "421 4.3.0 Temporary System Problem.  Try again later (10).", "systemerror"},
		{"5.7.0", "530 5.7.0 Must issue a STARTTLS command first", "securityerror"},
		{"5.7.1", "550-5.7.1 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.", "badreputation"},
		{"5.4.14", "554 5.4.14 Hop count exceeded - possible mail loop ATTR34", "networkerror"},
		{"5.1.10", "556 5.1.10 Recipient address has null MX", "notaccept"},
		{"4.2.1", "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.", "speeding"},
		{"4.2.0", "450 4.2.0 <a@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", "expired"},
		{"5.7.0", "554 5.7.0 Reject, id=12345-01 - BANNED: .exe,foo.exe", "policyviolation"},
		{"5.7.0", "554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature", "virusdetected"},
		{"5.6.0", "554 5.6.0 Message contains invalid header", "contenterror"},
		{"5.7.1", "550 5.7.1 Message rejected because of unacceptable content. For help, please quote incident ID 12345.", "spamdetected"},
		{"5.1.8", "553 5.1.8 <bounce@example.org>... Domain of sender address bounce@example.org does not exist", "rejected"},
		{"5.7.1", "550 5.7.1 Message rejected due to content restrictions", "spamdetected"},
		{"5.4.1", "550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [AM6PEPF00000001.eurprd02.prod.outlook.com]", "userunknown"},
		{"5.7.520", "550 5.7.520 Access denied, Your organization does not allow external forwarding.", "policyviolation"},
		{"5.0.350", "550 5.0.350 Remote server returned an error -> 550 5.1.1 User unknown", "userunknown"},
		{"4.4.316", "451 4.4.316 Connection refused", "expired"},
		// Wordings of unknown users and of refusals from other MTAs and filters.
		{"5.0.0", "550-<a@example.org> is not a known user on this system", "userunknown"},
		{"5.0.0", "550 User [a@example.org] does not exist", "userunknown"},
		{"5.7.1", "550 5.7.1 No mailbox found", "userunknown"},
		{"5.0.0", "550 Unknown local part a in <a@example.org>", "userunknown"},
		{"5.7.1", "554 5.7.1 Message Rejected Class=size limit=15728640 Subclass=reject size=18571048", "mesgtoobig"},
		{"5.0.0", "550 192.0.2.1 is not allowed to send mail from example.org", "authfailure"},
		{"5.7.26", "550-5.7.26 The domain example.org does not designate 192.0.2.1 as permitted sender", "authfailure"},
		{"5.0.0", "550 ** No mail box available for this user **", "userunknown"},
		{"5.1.1", "550 RCPT TO:<a@example.org> max message size exceeded", "mesgtoobig"},
		{"5.0.0", "554 Rcpt <a@example.org> does not exist", "userunknown"},
		{"5.0.0", "550 <a@example.de> Benutzer hat zuviele Mails auf dem Server. / User has too many messages on the server", "mailboxfull"},
		{"5.7.1", "554 5.7.1 Your message failed several antispam checks (SCORING). Please be sure your mailserver is configured correctly (spf, HELO, PTR)", "spamdetected"},
		{"5.7.1", "550 5.7.1 You're using a mass mailer, therefore you're bounced.", "spamdetected"},
		{"5.7.1", "550 5.7.1 Rejected - bulk email", "spamdetected"},
		{"5.0.0", "550 BAD_RECIPIENT - see http://mail.example.org/undelivered?r=BAD_RECIPIENT", "userunknown"},
		{"5.0.0", "550-a@example.org is not an active address at this host", "userunknown"},
		{"5.0.0", "554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554", "blocked"},
		{"5.6.0", "554 5.6.0 Message contains invalid MIME structure", "contenterror"},
		{"5.7.1", "554 5.7.1 Message rejected: a link in it is listed in multi.uribl.com", "spamdetected"},
		{"5.0.0", "552 Quota violation for a@example.org", "mailboxfull"},
		{"4.0.0", "Delivery of email to this address has been postponed due to a full mailbox.", "mailboxfull"},
		{"5.0.0", "ErrMsg=mail box space not enough, account=dylan", "mailboxfull"},
		{"5.0.0", "This person's account is exceeding their quota.", "mailboxfull"},
		{"5.0.0", "Mailer mx.example.org said: \"554 Message looping (received 6 times)\"", "networkerror"},
		{"5.0.0", "(Originally addressed to a@example.org) User not known", "userunknown"},
		{"5.0.0", "Your message to a@example.org has reached our local address, but this email address is wrong or no longer valid.", "userunknown"},
		{"5.0.0", "This mail message has exceeded the maximum incoming message size.", "mesgtoobig"},
		{"5.7.1", "553-you are trying to use me [mx.example.net] as a relay, but I have not been configured to let you do this (#5.7.1)", "norelaying"},
		{"5.4.4", "Name service error for name=example.org type=MX: Malformed or unexpected name server reply", "networkerror"},
		{"4.4.3", "Host or domain name lookup failed: name server timeout", "networkerror"},
		{"5.7.133", "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated", "rejected"},
		{"5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown"},
		{"5.2.2", "554 5.2.2 mailbox full", "mailboxfull"},
		{"4.2.1", "421 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.", "speeding"},
		{"5.2.1", "550 5.2.1 This mailbox has been blocked due to inactivity", "suspend"},
		{"5.0.0", "550 Mailbox quota exceeded", "mailboxfull"},
		{"5.0.0", "552 Quota exceeded. The recipient's mailbox is full.", "mailboxfull"},
		{"5.3.4", "552 5.3.4 Message size exceeds fixed maximum message size", "mesgtoobig"},
		{"5.0.0", "550 #5.1.0 Address rejected.", "userunknown"},
		{"5.0.0", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", "norelaying"},
		{"5.0.0", "550 Administrative prohibition", "policyviolation"},
		{"5.0.0", "550 High probability of spam", "spamdetected"},
		{"5.0.0", "550 Sender address has null MX", "rejected"},
		{"5.0.0", "550 SC-004 (COL0-MC1-F1) Unfortunately, messages from 192.0.2.1 weren't sent. We recommend that you contact your Internet service provider.", "blocked"},
		{"5.6.7", "553 5.6.7 local-part of envelope contains utf8 but remote server did not offer SMTPUTF8", "contenterror"},
		{"5.6.9", "550 5.6.9 improper use of 8-bit data in message header", "contenterror"},
		{"5.2.5", "550 5.2.5 Folder full", "mailboxfull"},
		{"5", "La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages pour l'instant.", "mailboxfull"},
		{"5.0.0", "550 Benutzer unbekannt", "userunknown"},
		{"5.0.0", "550 5.1.1 Utilisateur inconnu", "userunknown"},
		{"5.0.0", "550 <a@example.org>: Recipient address rejected.", "userunknown"},
		{"5.0.0", "550 5.0.0 <a@example.org>: Recipient address rejected: Account on hold for review", "onhold"},
		{"4.0.0", "450 service permits 2 unverifyable sending IPs - mail.example.org is not 192.0.2.1", "requireptr"},
		{"5.1.10", "550 5.1.10 Recipient address has null MX", "notaccept"},
		{"5.0.0", "556 5.1.10 Domain does not accept mail (null MX)", "notaccept"},
		{"5.0.0", "550 all relevant MX records point to non-existent hosts", "hostunknown"},
		{"5.0.0", "Returned mail: Cannot send message for 5 days", "expired"},
		// Microsoft 365's documented NDRs.
		{"4.4.8", "451 4.4.8 MX hosts of example.org failed MTA-STS validation", "securityerror"},
		{"4.7.323", "451 4.7.323 tlsa-invalid: The domain failed DANE validation.", "securityerror"},
		{"5.0.350", "550 5.0.350 x-dg-ref header is too long", "contenterror"},
		{"5.1.0", "550 5.1.0 Sender denied", "rejected"},
		{"5.1.90", "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients", "speeding"},
		{"5.2.2", "554 5.2.2 Submission quota exceeded", "speeding"},
		{"5.2.122", "554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour.", "exceedlimit"},
		{"5.6.11", "554 5.6.11 Invalid characters", "contenterror"},
		{"5.7.124", "550 5.7.124 Sender not in allowed-senders list", "rejected"},
		{"5.7.193", "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group.", "rejected"},
		{"5.7.505", "550 5.7.505 Access denied, banned recipient", "userunknown"},
		{"5.7.508", "550 5.7.508 Access denied, [192.0.2.1] has exceeded permitted limits within 2001:db8::/64 range", "speeding"},
		{"4.7.0", "450 4.7.0 Proxy session setup failed on Frontend with '451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped.\"'", "networkerror"},
		{"5.4.4", "550 5.7.0 Proxy session setup failed on Frontend with '554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain'", "hostunknown"},
		// Gmail's documented replies.
		{"4.2.1", "450 4.2.1 The user you are trying to contact is receiving email too quickly. Please resend your message at a later time.", "speeding"},
		{"4.2.1", "450 4.2.1 Peak SMTP relay limit exceeded for this customer. This is a temporary error.", "speeding"},
		{"5.4.5", "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits, go to Gmail sending limits.", "speeding"},
		{"4.7.28", "421 4.7.28 Gmail has detected this sender exceeded the quota for sending messages that have the same Message-ID:.", "speeding"},
		{"4.7.27", "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF.", "authfailure"},
		{"5.7.30", "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. Gmail requires bulk email senders to authenticate their email with DKIM.", "authfailure"},
		{"5.7.29", "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.", "securityerror"},
		{"5.7.32", "550 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.", "authfailure"},
		{"5.7.1", "550 5.7.1 Your message was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't specify a DMARC policy.", "authfailure"},
		{"5.1.7", "553 5.1.7 The sender address <bounce@example> is not a valid RFC 5321 address.", "rejected"},
		{"5.7.1", "550 5.7.1 The IP you're using to send email is not authorized to send email directly to our servers. Use the SMTP relay at your service provider instead.", "blocked"},
		{"4.7.0", "421 4.7.0 IP not in whitelist for RCPT domain, closing connection.", "blocked"},
		// Filtering services.
		{"5.0.0", "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550", "rejected"},
		{"5.0.0", "550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550", "rejected"},
		{"5.0.0", "554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554", "spamdetected"},
		{"5.0.0", "554 maximum email size exceeded", "mesgtoobig"},
		{"5.0.0", "553 this route requires encryption (tls)", "securityerror"},
		{"5.0.0", "550 rejecting spoofed message", "policyviolation"},
		{"5.7.1", "550 5.7.1 <a@example.com>: Recipient address rejected: User email address is marked as invalid.", "userunknown"},
		{"5.0.0", "550 5.7.1 Message rejected XGEMAIL_0011 Command rejected", "userunknown"},
		{"4.0.0", "421 Block temporarily (Sender Filtering/Authentication)", "blocked"},
		{"5.7.1", "554 5.7.1 <a@example.com>: Recipient address rejected: Invalid-Recipient.", "userunknown"},
		{"5.0.0", "554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)", "blocked"},
		{"5.0.0", "550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space.", "mailboxfull"},
		{"4.0.0", "421 Connection refused, too many sessions from This IP. Lower the number of concurrent sessions. IB007", "toomanyconn"},
		{"5.7.1", "550 5.7.1 Policy rejection on the target address", "suspend"},
		{"5.0.0", "550 Mailbox size exceeded", "mailboxfull"},
		{"5.7.1", "540 5.7.1 <a@rambler.ru>: recipient address rejected: Inactive", "suspend"},
		{"5.7.1", "550 5.7.1 Recipient doesn't want your mail", "filtered"},
		{"5.2.3", "maildir delivery failed: Sorry, the user's maildir has overdrawn his diskspace quota, please try again later.", "mailboxfull"},
		{"5.0.0", "Recipient user name info (info@example.org ) not unique.  Several matches found in Domino Directory.", "systemerror"},
		{"5.0.0", "Failed to deliver to '<a@example.lv>' Messages without To: fields are not accepted here", "notcompliantrfc"},
		// US providers.
		{"5.0.0", "554 delivery error: dd This user doesn’t have a yahoo.com account (a@yahoo.com) [0] – mta1012.mail.gq1.yahoo.com", "userunknown"},
		{"4.1.8", "451 4.1.8 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)", "blocked"},
		{"4.7.0", "421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "badreputation"},
		{"5.7.2", "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.", "badreputation"},
		{"5.0.0", "554 (RTR:BL) http://postmaster.info.aol.com/errors/554rtrbl.html", "blocked"},
		{"4.7.1", "421 4.7.1 : (DYN:T1) http://postmaster.info.aol.com/errors/421dynt1.html", "speeding"},
		{"4.7.1", "421 4.7.1 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html", "requireptr"},
		{"5.0.0", "554 resimta-ch2-12v.sys.comcast.net comcast 192.0.2.1 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000", "blocked"},
		{"4.0.0", "421 Connection Refused - Customer has exceeded the maximum number of messages allowed per hour", "speeding"},
		{"5.0.0", "554 delivery error: dd a@verizon.net is no longer valid", "userunknown"},
		{"4.0.0", "452 - [Message threshold exceeded]", "speeding"},
		// General wordings that had no rule: unknown addresses said another way.
		{"5.0.0", "550 User jane.doe@example.org does not exist here", "userunknown"},
		{"5.0.0", "550 Recipient <a@example.org> does not exist on this server", "userunknown"},
		{"5.0.0", "550 Mailbox a@example.org doesn't exist", "userunknown"},
		{"5.0.0", "550 Account a@example.org does not exist at the organization this message was sent to", "userunknown"},
		{"5.0.0", "550 User (a@example.org) unknown", "userunknown"},
		{"5.0.0", "550 <a@example.org> not found", "userunknown"},
		{"5.0.0", "550 Recipient address rejected: invalid user", "userunknown"},
		{"5.0.0", "550 Non existent user", "userunknown"},
		{"5.0.0", "550 address invalid", "userunknown"},
		{"5.0.0", "550 sorry, this recipient is not in my validrcptto list", "userunknown"},
		{"5.0.0", "550 vdeliver: Invalid or unknown virtual user 'jane'", "userunknown"},
		{"5.0.0", "550 No existe ese usuario", "userunknown"},
		{"5.0.0", "550 Recipient domain example.invalid does not exist", "hostunknown"},
		{"5.0.0", "550 Sender address does not exist", "rejected"},
		{"5.0.0", "550 Sender email address rejected", "rejected"},
		{"5.0.0", "550 Sender IP address rejected", "blocked"},
		{"5.0.0", "554 Access denied (sender blacklisted)", "rejected"},
		{"5.0.0", "554 Your email address has been blocked", "rejected"},
		{"5.0.0", "550 The message was refused: BATV validation failure", "rejected"},
		{"5.0.0", "550 Not delivering: your envelope sender is in my badmailfrom list", "rejected"},
		// The recipient's own choices, a mailbox disabled or full.
		{"5.0.0", "550 You have been blocked by the recipient", "filtered"},
		{"5.0.0", "550 The user refuses to receive this mail", "filtered"},
		{"5.0.0", "550 Recipient is only accepting mail from specific email addresses", "filtered"},
		{"5.0.0", "550 Mailaddress is administratively disabled", "suspend"},
		{"5.0.0", "550 Recipient rejected: temporarily inactive", "suspend"},
		{"5.0.0", "552 User has exceeded his quota, bouncing mail", "mailboxfull"},
		{"5.0.0", "552 Mailbox would exceed maximum allowed storage", "mailboxfull"},
		{"4.0.0", "452 Quota for this mailbox has been reached", "mailboxfull"},
		{"5.0.0", "554 You've reached your daily relay quota - 192.0.2.1", "speeding"},
		// The sending host, the session, the network.
		{"4.0.0", "451 Please try again slower", "speeding"},
		{"4.0.0", "421 Too many SMTP sessions for this host", "toomanyconn"},
		{"5.0.0", "503 Bad sequence of commands", "syntaxerror"},
		{"5.0.0", "503 Send hello first", "syntaxerror"},
		{"5.0.0", "535 Incorrect authentication data", "securityerror"},
		{"5.0.0", "554 Maximum hop count exceeded. Message probably in a routing loop.", "networkerror"},
		{"5.0.0", "554 Message is looping", "networkerror"},
		{"4.0.0", "451 Temporary failure in MX lookup", "networkerror"},
		{"4.0.0", "451 Temporary local problem - please try later", "systemerror"},
		{"5.0.0", "554 Mail server configuration error", "systemerror"},
		{"4.0.0", "452 No space left on device", "systemfull"},
		{"5.0.0", "The message has not been collected after 30 days", "expired"},
		{"5.0.0", "550 Mail score (38) over the limit", "spamdetected"},
		{"5.0.0", "550 Message rejected for spam or virus content", "spamdetected"},
		{"5.0.0", "550 5.7.1 Helo command rejected: need fully-qualified hostname", "blocked"},
		{"5.0.0", "550 Your server requires confirmation. Visit the page below to confirm this mail server.", "blocked"},
		{"5.0.0", "554 Transaction failed: message header size exceeds limit", "contenterror"},
		{"5.0.0", "550 La casella è piena", "mailboxfull"},
		{"4.7.0", "421 4.7.0 [RP-001] Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.", "speeding"},
		{"5.7.1", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized", "rejected"},
		{"5.0.0", "550 Requested action not taken: mailbox unavailable (not enough free space)", "systemfull"},
		{"5.0.0", "554 Too many invalid recipients", "blocked"},
		{"5.4.0", "#5.4.0 DNS records for the destination computer could not be found", "networkerror"},
		{"5.0.0", "550 5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers.", "notcompliantrfc"},
		{"5.0.0", "550 Messages missing a valid Message-ID: header are not accepted", "notcompliantrfc"},
		{"5.0.0", "Command died with status 1: \"/usr/bin/maildrop\"", "mailererror"},
		{"5.0.0", "550 User is not accepting any mail", "filtered"},
		{"5.0.0", "550 Address a@example.org has been replaced by b@example.org", "hasmoved"},
	}
	for _, c := range cases {
		if got := Classify(ClassifyInput{Action: "failed", Status: c.st, Diagnostic: c.diag}, nil).Reason; got != c.want {
			t.Errorf("%s %q: got %s, want %s", c.st, c.diag, got, c.want)
		}
	}
}

// TestPrefilterKeepsEveryPhrase checks that the byte-triple prefilter never rules out a phrase
// that the text contains, for every phrase and regexp hint of the built-in table.
func TestPrefilterKeepsEveryPhrase(t *testing.T) {
	for _, r := range builtin.rules {
		texts := []string{r.phrase}
		for _, set := range r.hints {
			texts = append(texts, set...)
		}
		for _, s := range texts {
			if s == "" {
				continue
			}
			text := "550 5.0.0 <a@example.org>: " + s + " (in reply to RCPT TO command)"
			if !mayContain(triplesOf(text), s) {
				t.Errorf("prefilter rules out %q", s)
			}
		}
	}
	if got, _ := builtin.match(matchInput{text: "the mailbox is full"}); got != "mailboxfull" {
		t.Errorf("match = %q", got)
	}
}

// TestRequiredTexts checks the substring prefilter of regexp rules: every part of a
// concatenation that needs a text is a set, and a text that the expression matches passes.
func TestRequiredTexts(t *testing.T) {
	cases := []struct {
		expr  string
		want  string
		match string
	}{
		{"(account|mailbox|address)[a-z ]{0,40} (is|has been) (disabled|inactive)", "[disabled inactive] [account mailbox address]", "the mailbox you wrote to has been disabled"},
		{"delivery failed [0-9]+ attempts", "[delivery failed ] [ attempts]", "delivery failed 12 attempts"},
		{"\\bdns\\b", "[dns]", "dns failure"},
		{"[0-9]{3}:? *: *user unknown", "[user unknown]", "550: : user unknown"},
		{"(a|bc)x", "", "ax"},
	}
	for _, c := range cases {
		got := requiredTexts(c.expr)
		if c.want != "" && fmt.Sprint(got) != "["+c.want+"]" {
			t.Errorf("requiredTexts(%q) = %v, want [%s]", c.expr, got, c.want)
		}
		if c.want == "" && got != nil {
			t.Errorf("requiredTexts(%q) = %v, want none", c.expr, got)
		}
		if !regexp.MustCompile(c.expr).MatchString(c.match) || !containsEachSet(c.match, got, triplesOf(c.match)) {
			t.Errorf("%q: the prefilter rules out %q, which matches", c.expr, c.match)
		}
	}
}

// TestUserRuleStandsOverText checks that a reason from the user's rules is not corrected by the
// human-readable text of the bounce.
// TestRefusalNamingTheSender checks that an "unknown" refusal that names the returned message's
// envelope sender, and not the recipient, is the sender's: rejected, not a dead recipient.
func TestRefusalNamingTheSender(t *testing.T) {
	checkReasons(t, nil, []reasonCase{
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550-Verification failed for <bounces+x=example.net@lists.example.org>", Recipient: "x@example.net", Sender: "bounces+x=example.net@lists.example.org"}, "rejected"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 <x@example.net>: user unknown", Recipient: "x@example.net", Sender: "bounces+x=example.net@lists.example.org"}, "userunknown"},
		{ClassifyInput{Action: "failed", Status: "5.1.1", Diagnostic: "550 5.1.1 user unknown", Recipient: "x@example.net", Sender: "bounces@lists.example.org"}, "userunknown"},
	})
}

func TestUserRuleStandsOverText(t *testing.T) {
	msg, err := os.ReadFile("../testdata/handmade/account-disabled-text.eml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Parse(strings.NewReader(string(msg)), nil)
	if err != nil || len(rep.Recipients) != 1 || rep.Recipients[0].Reason != "suspend" {
		t.Fatalf("without rules: %+v %v", rep, err)
	}
	rs, err := LoadRules(strings.NewReader(`phrase "550 user unknown" userunknown`))
	if err != nil {
		t.Fatal(err)
	}
	rep, err = Parse(strings.NewReader(string(msg)), &Options{Rules: rs})
	if err != nil || len(rep.Recipients) != 1 || rep.Recipients[0].Reason != "userunknown" {
		t.Fatalf("with rules: %+v %v", rep.Recipients, err)
	}
}

// reasonCase is one classification and the reason it must give.
type reasonCase struct {
	in   ClassifyInput
	want Reason
}

// checkReasons classifies each case with the rules (nil: the built-in table only).
func checkReasons(t *testing.T, rules *Rules, tests []reasonCase) {
	t.Helper()
	for _, tt := range tests {
		if got := Classify(tt.in, rules).Reason; got != tt.want {
			t.Errorf("%+v: got %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestBuiltinRegexpsCanBeRuledOut checks that every regular expression of the built-in table
// has texts that a diagnostic must contain for it to match: one without them runs on every
// diagnostic and slows every parse.
func TestBuiltinRegexpsCanBeRuledOut(t *testing.T) {
	for _, r := range builtin.rules {
		if r.re != nil && len(r.hints) == 0 {
			t.Errorf("regexp %q: no required text; write it so that a literal word must occur", r.re)
		}
	}
}

// TestBuiltinRulesOnce checks that no rule of the built-in table is written twice: the second
// copy could never decide anything.
func TestBuiltinRulesOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range builtin.rules {
		key := fmt.Sprintf("%s|%s|%v|%s|%s|%s|%s|%v|%v", r.reason, r.phrase, r.re, r.header, r.value, r.status, r.cmd, r.hosts, r.final)
		if seen[key] {
			t.Errorf("rule written twice: %s", key)
		}
		seen[key] = true
	}
}

// TestUserRegexpsMatchAnyCase: rules run on the lower-case diagnostic, so a user's regexp written
// with capitals must still match (it never did).
func TestUserRegexpsMatchAnyCase(t *testing.T) {
	rules := `
regexp "Message FROBNICATED by (ACME|Initech)" suspend
regexp "\bZorg [A-Z]+ overflow\b" mailboxfull
`
	tests := []reasonCase{
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 Your message frobnicated by Acme Corp"}, "suspend"},
		{ClassifyInput{Action: "failed", Status: "5.0.0", Diagnostic: "550 ZORG xyz OVERFLOW for this user"}, "mailboxfull"},
	}
	for _, tt := range tests {
		if got := Classify(tt.in, nil).Reason; got == tt.want {
			t.Fatalf("the built-in table alone finds %s in %q: the test proves nothing", got, tt.in.Diagnostic)
		}
	}
	rs, err := LoadUserRules(strings.NewReader(rules))
	if err != nil {
		t.Fatal(err)
	}
	checkReasons(t, rs, tests)
	// LoadRules (the built-in table's loader) reads them as written.
	asWritten, err := LoadRules(strings.NewReader(rules))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got := Classify(tt.in, asWritten).Reason; got == tt.want {
			t.Errorf("LoadRules folded the case of %q", tt.in.Diagnostic)
		}
	}
}

// TestSenderLineNotARefusalOfTheSender: a notice's own line that names the sender ("Absender:")
// under a recipient's reason does not make the failure a refusal of the sender; a refusal that
// names the sender's address, or a session's MAIL FROM, still does.
func TestSenderLineNotARefusalOfTheSender(t *testing.T) {
	tests := []struct {
		diagnostic string
		want       Reason
	}{
		{"Grund: Benutzer unbekannt Absender: news-bounces@lists.example.org", "userunknown"},
		{"User unknown. Sent by news-bounces@lists.example.org", "userunknown"},
		{"550 5.1.1 <news-bounces@lists.example.org>: User unknown", "rejected"},
		{"MAIL FROM:<news-bounces@lists.example.org> 550 5.1.1 User unknown", "rejected"},
	}
	for _, tt := range tests {
		cl := Classify(ClassifyInput{Action: ActionFailed, Status: "5", Diagnostic: tt.diagnostic, MTA: "text",
			Recipient: "a@example.net", Sender: "news-bounces@lists.example.org"}, nil)
		if cl.Reason != tt.want {
			t.Errorf("%q: reason %s, want %s", tt.diagnostic, cl.Reason, tt.want)
		}
	}
}
