package dsn

import (
	"slices"
	"strings"
)

// Classification is the judgement on one recipient.
type Classification struct {
	Reason   Reason
	Category Category
	Hard     bool
}

// ClassifyInput is what the classifier looks at.
type ClassifyInput struct {
	Action     Action // failed, delayed, delivered, ...
	Status     string // RFC 3463 code, maybe the class digit only
	ReplyCode  string // SMTP reply code
	Diagnostic string // diagnostic text and any other explanation found for this recipient
	Command    string // SMTP command that failed (RCPT, DATA, ...)
	MTA        string // format that decoded the message
	// DiagnosticType is the type of the Diagnostic-Code field: smtp, x-unix, ...
	DiagnosticType string
	// Recipient and RemoteMTA name the hosts that host= rules are checked against: the
	// recipient's domain and the MTA that answered.
	Recipient string
	RemoteMTA string
	// Header returns a header field of the bounce, for header rules; may be nil.
	Header func(name string) string
	// Sender is the envelope sender of the returned message, when known: a refusal that names
	// it, and not the recipient, is about the sender.
	Sender string

	// vague tells that Diagnostic is only the opening of the notice, not what was said of this
	// recipient.
	vague bool
	// fromTranscript tells that Command was read from a session transcript, where pipelined
	// RCPT answers follow the DATA command: it does not say that DATA was refused.
	fromTranscript bool
}

// categories maps each reason of ../shared/reasons.md to its category.
var categories = map[Reason]Category{
	"userunknown": "recipient", "hasmoved": "recipient", "suspend": "recipient",
	"mailboxfull": "recipient", "filtered": "recipient", "mailererror": "recipient",
	"exceedlimit": "recipient", "suppressed": "recipient",
	"hostunknown": "domain", "notaccept": "domain", "networkerror": "domain",
	"norelaying": "relay",
	"blocked":    "antispam", "badreputation": "antispam", "requireptr": "antispam",
	"authfailure": "antispam", "rejected": "antispam", "spamdetected": "antispam",
	"virusdetected": "antispam", "policyviolation": "antispam",
	"contenterror": "content", "notcompliantrfc": "content", "mesgtoobig": "content",
	"securityerror": "system", "failedstarttls": "system", "syntaxerror": "system",
	"speeding": "system", "toomanyconn": "system", "systemerror": "system",
	"systemfull": "system", "expired": "system",
	"onhold": "unknown", "undefined": "unknown",
	"feedback": "complaint", "vacation": "autoreply", "delivered": "success",
}

// Reasons lists the reason vocabulary, in alphabetical order.
func Reasons() []Reason {
	out := make([]Reason, 0, len(categories))
	for r := range categories {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Judge returns the classification of reason: its category, and whether it means the address
// is dead. Only userunknown, hostunknown and hasmoved are hard, and notaccept when the code is
// permanent; nothing said with a temporary code (4.x.x, or a 4xx reply with no precise status)
// is hard: the condition may pass.
func Judge(reason Reason, status, replyCode string) Classification {
	c := Classification{Reason: reason, Category: categories[reason]}
	if c.Category == "" {
		c.Category = CategoryUnknown
	}
	if strings.HasPrefix(status, "4") || strings.HasPrefix(replyCode, "4") && specificity(status) == 0 {
		return c
	}
	switch reason {
	case "userunknown", "hostunknown", "hasmoved":
		c.Hard = true
	case "notaccept":
		c.Hard = strings.HasPrefix(status, "5") || status == "" && strings.HasPrefix(replyCode, "5")
	}
	return c
}

// classifyMatchInput is what Classify checks the rules against: the diagnostic in lower case,
// without the reply prefixes and wrappers that say nothing of the cause.
func classifyMatchInput(in ClassifyInput) matchInput {
	return matchInput{
		text: dropCauseFreeWrappers(foldCase(foldPunctuation(collapseReplyPrefixes(in.Diagnostic)))), status: in.Status,
		command: strings.ToUpper(in.Command), hosts: hostsOf(in), header: in.Header,
	}
}

// Classify returns the reason, category and hard flag for one recipient. It checks, in order:
// the user's rules (may be nil); the action (delivered, relayed, expanded are successes); the
// phrases of the diagnostic, in the order of the built-in table; the status code, most specific
// first; the reply code; and else gives "onhold" when a specific status says something the
// table does not know, "undefined" otherwise.
func Classify(in ClassifyInput, user *Rules) Classification {
	judge := func(reason Reason) Classification { return Judge(reason, in.Status, in.ReplyCode) }
	mi := classifyMatchInput(in)
	if user != nil {
		if r, _ := user.match(mi); r != "" {
			return judge(Reason(r))
		}
	}
	switch toLower(string(in.Action)) {
	case "delivered", "relayed", "expanded":
		return judge("delivered")
	}
	if r := reasonByMTA[in.MTA]; r != "" && specificity(in.Status) == 0 {
		return judge(r)
	}
	localProgram := strings.EqualFold(in.DiagnosticType, "x-unix")
	fromRule := func(r Reason, final bool) Classification {
		switch {
		case final:
			return judge(r)
		case localProgram && (genericFailures[r] || sessionReasons[r]):
			// "x-unix; temporary failure", or a shell's "Syntax error": the local delivery
			// program failed; there was no SMTP session for its words to be about.
			return judge("mailererror")
		}
		return judge(adjust(r, in, true))
	}
	if reply := quotedReply(mi.text); reply != "" {
		// "5.1.0 - Unknown address error 550-'5.7.1 ... Access denied'": the remote server's
		// own words, quoted, say more than the relay's label for them.
		inner := mi
		inner.text = reply
		if r, final := builtin.match(inner); r != "" {
			return fromRule(Reason(r), final)
		}
	}
	if r, final := builtin.match(mi); r != "" {
		return fromRule(Reason(r), final)
	}
	if localProgram && specificity(in.Status) < 2 {
		// A local delivery program's exit status. (A precise status, "5.2.2" for a mailbox
		// over its size limit, says what failed.)
		return judge("mailererror")
	}
	if r := reasonByStatus(in.Status); r != "" && !(expiryStatus(in.Status) && reasonByReplyCode[in.ReplyCode] != "") {
		return judge(adjust(r, in, false))
	}
	switch strings.ToUpper(in.Command) {
	case "CONN", "HELO", "EHLO":
		// Refused before any envelope was given, for no stated reason: the sending host is.
		// A 5xx reply is a refusal even under the 4.0.0 that Postfix writes for it when it
		// would try another MX host (smtp_skip_5xx_greeting).
		if !temporary(in) || strings.HasPrefix(in.ReplyCode, "5") {
			return judge("blocked")
		}
	}
	if r := reasonByReplyCode[in.ReplyCode]; r != "" {
		return judge(adjust(r, in, false))
	}
	if specificity(in.Status) > 0 || strings.TrimSpace(in.Diagnostic) != "" && !in.vague {
		// Something precise was said that no rule knows yet.
		return judge(adjust("onhold", in, false))
	}
	return judge(adjust("undefined", in, false))
}

// causeFreeWrappers are words that an MTA puts before the cause of a failure, saying nothing of
// it ("delivery temporarily suspended: connect to ...").
var causeFreeWrappers = phraseList("cause-free-wrappers")

// dropCauseFreeWrappers removes causeFreeWrappers from text (lower case), so that the rules see
// the cause and not the MTA's wrapping of it.
func dropCauseFreeWrappers(text string) string {
	for _, w := range causeFreeWrappers {
		if strings.Contains(text, w) {
			text = strings.ReplaceAll(text, w, "")
		}
	}
	return text
}

// expiryStatus tells X.4.7, "delivery time expired": the reporting MTA's own code for giving up,
// which gives way to the code of the cause, even a bare reply code ("451" after Sendmail's
// 4.4.7 is the remote's failure).
func expiryStatus(status string) bool { return len(status) > 1 && status[1:] == ".4.7" }

// sessionReasons are the reasons that only an SMTP session or a remote host's policy can give.
var sessionReasons = map[Reason]bool{
	"syntaxerror": true, "norelaying": true, "blocked": true, "requireptr": true, "badreputation": true,
	"toomanyconn": true, "speeding": true, "securityerror": true, "failedstarttls": true, "notaccept": true,
}

// genericFailures are the reasons that say only that something failed somewhere.
var genericFailures = map[Reason]bool{
	"systemerror": true, "networkerror": true, "expired": true, "onhold": true, "undefined": true,
}

// quotedReply returns the remote reply that Amazon SES and Exchange quote after their own label
// of a status: "5.1.0 - unknown address error 550-'5.7.1 ... access denied' (delivery attempts:
// 0)" gives "5.7.1 ... access denied". text is lower case.
func quotedReply(text string) string {
	if strings.HasPrefix(text, "<<< ") {
		return transcriptReply(text)
	}
	dash := strings.Index(text, " - ")
	if dash < 0 || dash > 12 || findStatus(text[:dash]) == "" {
		return ""
	}
	rest := text[dash+3:]
	for i := 0; i+4 < len(rest); i++ {
		if replyCodeAt(rest, i) && rest[i+3] == '-' && rest[i+4] == '\'' {
			reply := rest[i+5:]
			if end := strings.LastIndexByte(reply, '\''); end > 0 {
				reply = reply[:end]
			}
			return reply
		}
	}
	return ""
}

// transcriptReply returns the server's reply that a Sendmail transcript block starts with
// ("<<< 550 Insecure Mail Relay 554 <a@example.org>... Remote protocol error"), up to Sendmail's
// own entry lines.
func transcriptReply(text string) string {
	for i := 5; i+4 < len(text); i++ {
		if text[i-1] == ' ' && replyCodeAt(text, i) && text[i+3] == ' ' && transcriptEntry(text[i:]) != "" {
			return strings.TrimSpace(text[4:i])
		}
	}
	return text[4:]
}

// hostsOf returns the host names that host= rules look at: the recipient's domain and the
// remote MTA's name, lower case.
func hostsOf(in ClassifyInput) []string {
	var hosts []string
	if _, domain, ok := strings.Cut(in.Recipient, "@"); ok && domain != "" {
		hosts = append(hosts, toLower(domain))
	}
	mta := in.RemoteMTA
	if _, v, ok := strings.Cut(mta, ";"); ok {
		mta = v // "dns; mx.example.org"
	}
	if h := strings.Trim(toLower(firstWord(mta)), "[]."); h != "" {
		hosts = append(hosts, h)
	}
	return hosts
}

// firstWord returns s up to its first space.
func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t("); i >= 0 {
		return s[:i]
	}
	return s
}

// collapseReplyPrefixes removes the reply and status codes that multi-line SMTP replies repeat
// in the middle of their text ("550-5.7.1 Messages with multiple 550-5.7.1 addresses in From"),
// so that phrases spanning the lines match. A reply with no status code repeats only its reply
// code ("421-... Too many 421 sessions opened"): that is dropped when the text opened with it as
// the first line of several ("421-").
func collapseReplyPrefixes(s string) string {
	if len(s) < 20 {
		return s
	}
	opening := ""
	if replyCodeAt(s, 0) && s[3] == '-' {
		opening = s[:3] // "421-": the first line of several
	}
	// Most diagnostics repeat no code: s is returned as it is, and the text of one that does is
	// copied a run at a time between the codes dropped.
	var out []byte
	kept := 0 // s[kept:i] is still to be copied
	for i := 5; i < len(s); i++ {
		if c := s[i]; c != '2' && c != '4' && c != '5' {
			continue // not the first digit of a reply code (replyCodeAt's first test)
		}
		if replyCodeAt(s, i) && i+4 < len(s) && (s[i+3] == '-' || s[i+3] == ' ') {
			if n := statusAt(s, i+4); n > 0 && i+4+n < len(s) && s[i+4+n] == ' ' {
				out = append(out, s[kept:i]...)
				i += 4 + n // drop "550-5.7.1 "
				kept = i + 1
				continue
			}
			if s[i-1] == ' ' && s[i:i+3] == opening {
				out = append(out, s[kept:i]...)
				i += 3 // drop "421 ", keeping one space
				kept = i + 1
			}
		}
	}
	if kept == 0 {
		return s
	}
	return string(append(out, s[kept:]...))
}

// filteredUnknown tells an "unknown user" that the recipient's system refused for other reasons
// than the address: refused after DATA (a transcript's DATA only counts when no X.1.x code says
// the address itself is bad: pipelined RCPT answers come after it), with X.2.0 or X.2.1 (the
// mailbox exists, other status) and nothing about the command, or by a format whose refusals
// all come after acceptance (afterAcceptanceMTAs).
func filteredUnknown(in ClassifyInput) bool {
	addressCode := strings.HasPrefix(in.Status[min(len(in.Status), 1):], ".1.")
	switch {
	case in.Command == "DATA" && (!in.fromTranscript || !addressCode):
		return true
	case strings.HasPrefix(in.Status, "5.2.0"):
		return true
	case strings.HasPrefix(in.Status, "5.2.1") && in.Command == "":
		return true
	case afterAcceptanceMTAs[in.MTA] && specificity(in.Status) < 2:
		return true
	}
	return false
}

// adjust refines a reason with the context of the failure; said tells that the reason comes
// from the words of the diagnostic rather than from its codes.
func adjust(reason Reason, in ClassifyInput, said bool) Reason {
	// An address refused in reply to MAIL FROM is the sender's; so is one that the diagnostic
	// names as the sender ("Verification failed for <bounces+...@example.org>"), not the
	// recipient.
	if (reason == "userunknown" || reason == "hostunknown") && (in.Command == "MAIL" && !in.fromTranscript || namesSenderOnly(in)) {
		return "rejected"
	}
	// A recipient refused only after the message was sent (in reply to DATA) was refused by
	// a filter, not for being unknown.
	if reason == "userunknown" && filteredUnknown(in) {
		return "filtered"
	}
	// A refusal before MAIL FROM cannot be of the sender's address, nor of a recipient or a
	// message not yet given: the sending host was refused ("421 Reject due to policy
	// violations" at the greeting, "554 ... is not a valid HELO name"). Nor, at the greeting, of
	// TLS or authentication, which come after it ("554 5.7.2 Service denied" is read as a
	// security error from its code alone).
	switch reason {
	case "rejected", "policyviolation", "spamdetected", "userunknown", "hostunknown", "filtered", "mailboxfull", "suspend":
		switch strings.ToUpper(in.Command) {
		case "CONN", "HELO", "EHLO":
			return "blocked"
		}
	case "securityerror":
		if strings.EqualFold(in.Command, "CONN") {
			return "blocked"
		}
	}
	// In reply to MAIL FROM no recipient has been given: a refusal whose cause is not known, or
	// that only its reply code calls a full mailbox, refuses the sender ("554 sender is
	// unvalidated.", "552 mail from invalid.").
	if strings.EqualFold(in.Command, "MAIL") && !in.fromTranscript {
		switch {
		case reason == "onhold" || reason == "undefined":
			return "rejected"
		case !said && (reason == "mailboxfull" || reason == "suspend" || reason == "filtered"):
			return "rejected"
		case reason == "suspend":
			// An account said to be disabled before any recipient is given is the sender's
			// ("550 message sending for this account is disabled").
			return "rejected"
		case !said && (reason == "hasmoved" || reason == "notaccept"):
			// A code that would say a recipient moved (551) or a domain that takes no mail (556,
			// X.7.27) refuses, in reply to MAIL FROM, the sender ("551 Main account unavailable").
			return "rejected"
		}
	}
	// A domain that does not resolve, said with a temporary code: the lookup failed.
	if reason == "hostunknown" && temporary(in) {
		return "networkerror"
	}
	// A temporary failure that ended in a bounce, with nothing more said: the retry period ran
	// out. A delay notice whose words give no cause says the same: the condition persists.
	switch {
	case strings.EqualFold(string(in.Action), "delayed") && !said:
		switch reason {
		case "networkerror", "systemerror", "onhold", "undefined":
			return "expired"
		}
	case strings.EqualFold(string(in.Action), "failed") && temporary(in):
		switch reason {
		case "onhold", "undefined":
			return "expired"
		}
	}
	return reason
}

// namesSenderOnly tells whether the diagnostic names the envelope sender and not the recipient.
func namesSenderOnly(in ClassifyInput) bool {
	if in.Sender == "" || in.Recipient == "" {
		return false
	}
	d := asciiLower(in.Diagnostic)
	sender, recipient := asciiLower(in.Sender), asciiLower(in.Recipient)
	if strings.Contains(d, recipient) {
		return false
	}
	if i := strings.Index(d, sender); i >= 0 && !labelledAsSender(d[:i]) {
		return true
	}
	// "553 example.org does not exist", when example.org is the sender's domain and not the
	// recipient's.
	_, senderDomain, _ := strings.Cut(sender, "@")
	_, recipientDomain, _ := strings.Cut(recipient, "@")
	return senderDomain != "" && senderDomain != recipientDomain && containsDomain(d, senderDomain) && !containsDomain(d, recipientDomain)
}

// senderLineLabels end the words of a notice's line that states who sent the message, right
// before the sender's address ("Absender: news-bounces@example.org"): there the address is not
// what was refused (lower case, without spaces before the colon).
var senderLineLabels = []string{"sender:", "absender:", "from:", "expéditeur:", "remitente:", "mittente:", "sent by", "message from:"}

// labelledAsSender tells whether the text before an address ends with a label of a line that
// states the sender, not with a session's "MAIL FROM:" command.
func labelledAsSender(before string) bool {
	t := strings.TrimRight(before, " \t<\"")
	t = strings.ReplaceAll(t, " :", ":")
	return hasSuffixAny(t, senderLineLabels) && !strings.HasSuffix(t, "mail from:")
}

// containsDomain tells whether text names domain as a whole name, not as the end of a longer one
// ("mx.example.org" names neither "example.org" nor "ample.org").
func containsDomain(text, domain string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], domain)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(domain)
		if (i == 0 || !isDomainByte(text[i-1])) && (end == len(text) || !isDomainByte(text[end]) || text[end] == '.' && (end+1 == len(text) || !isDomainByte(text[end+1]))) {
			return true
		}
		from = i + 1
	}
}

func isDomainByte(c byte) bool { return isAlnum(c) || c == '-' || c == '.' || c == '@' }

// temporary reports whether the codes of a failure are temporary (4xx, 4.x.x).
func temporary(in ClassifyInput) bool {
	if in.Status != "" && in.Status[0] != '5' {
		return in.Status[0] == '4'
	}
	return strings.HasPrefix(in.ReplyCode, "4")
}

// afterAcceptanceMTAs are the formats whose refusals all come after the message was accepted:
// content-filter appliances, and Apache James's mailets, which work on mail James has taken.
// A recipient they refuse without a precise code was refused by a filter, whatever the words.
var afterAcceptanceMTAs = map[string]bool{
	"activehunter": true, "mailfoundry": true, "mfilter": true, "surfcontrol": true, "mcafee": true,
	jamesName: true,
}

// reasonByMTA gives the reason of every failure a format reports, for formats that only ever
// report one kind.
var reasonByMTA = map[string]Reason{
	"googlegroups": "rejected", // the group does not exist or the sender may not post to it
}

// reasonByStatus maps RFC 3463 codes to reasons: exact codes first, then subject.detail of any
// class.
func reasonByStatus(status string) Reason {
	if len(status) < 5 {
		return ""
	}
	if r, ok := reasonByCode[status]; ok {
		return r
	}
	if r, ok := reasonByCode["x"+status[1:]]; ok {
		return r
	}
	if strings.HasPrefix(status[1:], ".6.") {
		return "contenterror" // a detail that RFC 3463 does not list (Exchange's 5.6.11): still the content
	}
	return ""
}

// reasonByCode maps a status code (class "x" for any class) to a reason.
var reasonByCode = map[string]Reason{
	"x.1.0": "userunknown", "x.1.1": "userunknown", "x.1.2": "hostunknown", "x.1.3": "userunknown",
	"x.1.4": "filtered", "x.1.5": "userunknown", "x.1.6": "hasmoved", "x.1.7": "rejected",
	"x.1.8": "rejected", "x.1.9": "systemerror", "x.1.10": "notaccept",
	"x.2.0": "filtered", "x.2.1": "suspend", "x.2.2": "mailboxfull", "x.2.3": "exceedlimit",
	"x.2.4": "systemerror",
	"x.3.0": "systemerror", "x.3.1": "systemfull", "x.3.2": "notaccept", "x.3.3": "contenterror",
	"x.3.4": "mesgtoobig", "x.3.5": "systemerror",
	"x.4.0": "networkerror", "x.4.1": "networkerror", "x.4.2": "networkerror", "x.4.3": "systemerror",
	"x.4.4": "hostunknown", "x.4.5": "systemfull", "x.4.6": "networkerror", "x.4.7": "expired",
	"x.5.0": "syntaxerror", "x.5.1": "syntaxerror", "x.5.2": "syntaxerror", "x.5.3": "toomanyconn",
	"x.5.4": "syntaxerror", "x.5.5": "syntaxerror",
	"x.6.0": "contenterror", "x.6.1": "contenterror", "x.6.2": "contenterror", "x.6.3": "contenterror",
	"x.6.4": "contenterror", "x.6.5": "contenterror", "x.6.6": "contenterror", "x.6.7": "contenterror",
	"x.6.8": "contenterror", "x.6.9": "contenterror", "x.6.10": "contenterror",
	"x.7.0": "securityerror", "x.7.1": "securityerror", "x.7.2": "securityerror", "x.7.3": "securityerror",
	"x.7.4": "securityerror", "x.7.5": "securityerror", "x.7.6": "securityerror", "x.7.7": "securityerror",
	"x.7.8": "securityerror", "x.7.9": "securityerror", "x.7.10": "securityerror", "x.7.11": "securityerror",
	"x.7.12": "securityerror", "x.7.13": "suspend", "x.7.14": "securityerror", "x.7.15": "securityerror",
	"x.7.16": "mesgtoobig", "x.7.17": "hasmoved", "x.7.18": "hasmoved", "x.7.19": "securityerror",
	"x.7.20": "authfailure", "x.7.21": "authfailure", "x.7.22": "authfailure", "x.7.23": "authfailure",
	"x.7.24": "authfailure", "x.7.25": "requireptr", "x.7.26": "authfailure", "x.7.27": "notaccept",
	"x.7.28": "spamdetected", "x.7.29": "authfailure", "x.7.30": "failedstarttls",
	"4.0.0": "", "5.0.0": "",
	// Where the temporary code says something else: no answer from the host until the retry
	// period ran out; the sending host refused for now; a host not accepting mail for now
	// (shutting down, overloaded), which says nothing of the domain.
	"4.4.1": "expired", "4.7.1": "blocked", "4.7.2": "blocked", "4.3.2": "systemerror",
}

// reasonByReplyCode maps an SMTP reply code, when nothing more is known, to a reason.
var reasonByReplyCode = map[string]Reason{
	"421": "systemerror", "450": "onhold", "451": "systemerror", "452": "mailboxfull",
	"521": "notaccept", "523": "mesgtoobig", "550": "onhold", "551": "hasmoved", "552": "mailboxfull",
	"553": "userunknown", "554": "onhold", "556": "notaccept",
	"500": "syntaxerror", "501": "syntaxerror", "502": "syntaxerror", "503": "syntaxerror", "504": "syntaxerror",
}
