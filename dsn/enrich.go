package dsn

import (
	"math/bits"
	"strings"
	"sync"
)

func typedValueOnly(s string) string { _, v := typedValue(s); return v }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// normalizeAction maps the Action field to the RFC 3464 vocabulary.
func normalizeAction(a string) Action {
	a = toLower(strings.TrimSpace(a))
	if i := strings.IndexAny(a, " (;"); i > 0 {
		a = a[:i]
	}
	switch a {
	case "failed", "failure", "fail", "bounced", "bounce", "error", "permanent":
		return ActionFailed
	case "delayed", "delay", "deferred", "transient":
		return ActionDelayed
	case "delivered", "relayed", "expanded":
		return Action(a)
	}
	return ""
}

// complete fills what a recipient lacks from the human-readable text and its own diagnostic:
// the most specific status, the reply code, the command, the action.
func (p *interpreter) complete(r *Recipient) {
	block := p.completeDiagnostic(r)
	completeStatus(r, block)
	p.completeReplyCode(r, block)
	p.completeCommand(r, block)
	completeAction(r)
}

// completeDiagnostic fills the diagnostic from the block of text that speaks of the recipient
// (or of its original address), completed with codes said elsewhere, and returns the block.
func (p *interpreter) completeDiagnostic(r *Recipient) string {
	block := p.blockFor(r.Address)
	if block == "" && r.OriginalAddress != "" {
		block = p.blockFor(r.OriginalAddress)
	}
	if p.oneRecipient && !hasCodes(block) {
		// A session transcript that does not name the only recipient still speaks of it:
		// "554 5.3.0 unknown mailer error 255".
		if i := strings.Index(p.lower, "transcript of session follows"); i >= 0 {
			if e := errorLines(p.text[i:]); e != "" {
				block = strings.TrimSpace(block + " " + e)
			}
		}
	}
	if block != "" && !hasCodes(block) {
		// "Mia (mia@example.org) The email address couldn't be found." first, and the codes
		// further down, under "Diagnostic information for administrators".
		if codes := p.codesBlockFor(r.Address); codes != "" && codes != block {
			block += " " + codes
		}
	}
	if r.Diagnostic == "" {
		r.Diagnostic = block
	} else if whole := wholeReply(p.text, r.Diagnostic); whole != "" {
		r.Diagnostic = whole
	}
	if reply := p.remoteErrorReply(r); reply != "" {
		r.Diagnostic = reply
	}
	if r.OriginalAddress == "" {
		r.OriginalAddress = expandedFrom(block, r.Address)
	}
	if r.OriginalAddress == "" && p.lowerContainsAny(expandedMarkers) {
		// Sendmail notes the alias under the address in its list of failed addresses, while
		// the block with the codes is the transcript's: "<b@example.net>\n (expanded from:
		// <a@example.org>)".
		for _, at := range p.mentions(r.Address) {
			if o := expandedFrom(p.blockAt(at, r.Address), r.Address); o != "" {
				r.OriginalAddress = o
				break
			}
		}
	}
	return block
}

// withoutAcceptedSteps removes, from a session transcript's lines, the steps the server
// accepted: its success and intermediate replies ("<<< 250 2.1.5 Recipient OK", "<<< 354 Start
// mail input") and the commands they answered. A recipient accepted at RCPT TO and refused
// after the message ("<<< 554 5.6.0 Message headers fail syntax check" after ">>> .") keeps
// only the refusal: its status, reply code and command are those of the end of DATA, not the
// 2.1.5 of the RCPT that went through.
func withoutAcceptedSteps(lines []string) []string {
	kept := lines[:0]
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<<< ") && len(t) > 7 && (t[4] == '2' || t[4] == '3') && isDigit(t[5]) && isDigit(t[6]) {
			if n := len(kept); n > 0 && strings.HasPrefix(strings.TrimSpace(kept[n-1]), ">>> ") {
				kept = kept[:n-1]
			}
			continue
		}
		kept = append(kept, line)
	}
	return kept
}

// completeStatus takes the most specific status of the diagnostic and of the block.
func completeStatus(r *Recipient, block string) {
	if s := findStatus(r.Diagnostic); s != "" && (betterStatus(s, r.Status) || specificity(s) == 2 && s[0] == r.Status[0] || causeStatus(s, r.Status)) {
		r.Status = s
	}
	if s := replyStatus(r.Diagnostic); s != "" && r.Status != "" && s[0] == r.Status[0] && specificity(s) > 0 && r.DiagnosticType != "" {
		// The remote's own code for its reply ("552-5.7.0 This message was blocked ...") over
		// the one the reporting MTA derived from the reply code (Sendmail's "Status: 5.2.2"
		// for any 552).
		r.Status = s
	}
	if s := findStatus(block); s != "" && (betterStatus(s, r.Status) || causeStatus(s, r.Status)) {
		r.Status = s
	}
}

// completeReplyCode takes the reply code of the diagnostic, of the block, or of a transcript line
// naming the recipient.
func (p *interpreter) completeReplyCode(r *Recipient, block string) {
	if !strings.EqualFold(r.DiagnosticType, "x-unix") {
		// ("X-Unix; 255" is the exit status of a local delivery program, not a reply.)
		r.ReplyCode = findReplyCode(r.Diagnostic)
	}
	if r.ReplyCode == "" {
		r.ReplyCode = findReplyCode(block)
	}
	if r.ReplyCode == "" {
		// A transcript line naming the recipient: "550 <user@example.com>... User unknown".
		for _, line := range p.linesWith(r.Address) {
			if t := strings.TrimLeft(line, " \t<"); len(t) > 3 && replyCodeAt(t, 0) {
				r.ReplyCode = findReplyCode(t)
				if s := findStatus(t); s != "" && betterStatus(s, r.Status) {
					r.Status = s
				}
				break
			}
		}
	}
	if strings.HasPrefix(r.ReplyCode, "2") && (r.Action == ActionFailed || r.Action == ActionDelayed) {
		// A success reply is never the reply of a failure: it is a step of a session log that
		// the server accepted ("<-- 250 2.1.0 Ok" above "<-- 550 5.1.1 ..." in MDaemon's
		// transcript, whose lines start with a date).
		if r.ReplyCode = errorReplyCode(r.Diagnostic); r.ReplyCode == "" {
			r.ReplyCode = errorReplyCode(block)
		}
	}
}

// errorReplyCode returns the first 4xx or 5xx reply code of s that stands as a reply (followed by
// a space, a hyphen or the end), or "".
func errorReplyCode(s string) string {
	for i := 0; i+3 <= len(s); i++ {
		if (s[i] == '4' || s[i] == '5') && replyCodeAt(s, i) && (i+3 == len(s) || s[i+3] == ' ' || s[i+3] == '-') {
			return s[i : i+3]
		}
	}
	return ""
}

// completeCommand takes the SMTP command that failed, from the words of the diagnostic or of
// the block, or from the session transcript.
func (p *interpreter) completeCommand(r *Recipient, block string) {
	if r.Command == "" {
		r.Command = commandOf(r.Diagnostic, block)
	}
	if r.Command == "" {
		r.Command = p.transcriptCommand(r.Address)
		r.commandFromTranscript = r.Command != ""
	}
}

// completeAction derives the action from the codes when the report gave none, and the status
// class from the action when no code was found.
func completeAction(r *Recipient) {
	if r.Action == "" {
		r.Action = actionFromClass(r.Status, r.ReplyCode)
	}
	if r.Action == ActionDelayed && containsAny(asciiLower(r.Diagnostic), expiryPhrases) {
		// OpenSMTPD reports an envelope it drops at the end of its queue lifetime as "delayed"
		// ("Envelope expired ... only a temporary failure report"): nothing will be tried again.
		r.Action = ActionFailed
	}
	if r.Status == "" {
		r.Status = classOf(r.Action, r.ReplyCode)
	}
}

// betterStatus reports whether candidate is more specific than current: same class, and more
// of its subject and detail known. X.4.7 ("delivery time expired") gives way to the code of the
// cause, even an X.Y.0 one ("4.7.0" of the remote's last "421 4.7.0 ... too many connections").
func betterStatus(candidate, current string) bool {
	if current == "" {
		return true
	}
	if candidate == "" || candidate[0] != current[0] {
		return false
	}
	if isExpiryStatus(current) && !isExpiryStatus(candidate) && specificity(candidate) > 0 {
		return true
	}
	return specificity(candidate) > specificity(current)
}

// isExpiryStatus tells X.4.7, "delivery time expired".
func isExpiryStatus(code string) bool { return len(code) == 5 && code[1:] == ".4.7" }

// remoteErrorReply returns the remote server's error reply for a failed or delayed recipient
// whose Diagnostic-Code is a success reply: Sendmail, refused at the greeting, sends QUIT and
// writes the answer to it ("221 2.0.0 Bye") as the diagnostic, while the refusal ("<<< 421 4.7.0
// ... too many connections") is only in the session transcript. The last error reply of the
// transcript is the remote's word on the failure; "" when there is none or the diagnostic is
// an error already.
func (p *interpreter) remoteErrorReply(r *Recipient) string {
	d := strings.TrimSpace(r.Diagnostic)
	if r.Action != ActionFailed && r.Action != ActionDelayed || !strings.HasPrefix(d, "2") || !replyCodeAt(d, 0) || !strings.Contains(p.text, "<<< ") {
		return ""
	}
	last := ""
	for _, line := range strings.Split(p.text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<<< ") && replyCodeAt(t, 4) && (t[4] == '4' || t[4] == '5') {
			last = t[4:]
		}
	}
	return last
}

// replyStatus returns the enhanced status code that opens an SMTP reply ("550 5.2.1 ..." or
// "550-5.2.1 ..."), the remote's own code for it, or "".
func replyStatus(reply string) string {
	reply = strings.TrimSpace(reply)
	if len(reply) < 9 || !replyCodeAt(reply, 0) || reply[3] != ' ' && reply[3] != '-' {
		return ""
	}
	if n := statusAt(reply, 4); n > 0 && reply[4] == reply[0] {
		return reply[4 : 4+n]
	}
	return ""
}

// causeStatus reports whether candidate, a failure code found in what was said of a recipient,
// says more than current, a generic one (X.0.0) of the other class: Exim's and Sendmail's
// expiry notices say "Status: 5.0.0" (the MTA gave up) when the remote's last answer was "452
// 4.2.2 mailbox full". The remote's code names the cause; the action still says the message
// failed.
func causeStatus(candidate, current string) bool {
	return current != "" && specificity(current) == 0 && specificity(candidate) > 0 &&
		(candidate[0] == '4' || candidate[0] == '5') && candidate[0] != current[0]
}

// specificity is 0 for a class alone or X.0.0, 1 for X.Y.0, 2 for X.Y.Z.
func specificity(code string) int {
	if len(code) < 5 {
		return 0
	}
	_, rest, _ := strings.Cut(code, ".")
	subject, detail, _ := strings.Cut(rest, ".")
	switch {
	case subject == "0" && detail == "0":
		return 0
	case detail == "0", subject == "4" && detail == "7":
		return 1 // X.4.7, "delivery time expired", hides the cause of the delays
	}
	return 2
}

func actionFromClass(status, reply string) Action {
	c := status
	if c == "" {
		c = reply
	}
	if c == "" {
		return ActionFailed
	}
	switch c[0] {
	case '4':
		return ActionDelayed
	case '2':
		return ActionDelivered
	}
	return ActionFailed
}

// classOf is the honest status when no code was found: the class digit alone.
func classOf(action Action, reply string) string {
	if reply != "" && (reply[0] == '4' || reply[0] == '5') && action != ActionDelivered {
		return reply[:1] // a temporary reply that ended in a bounce stays temporary in kind
	}
	switch action {
	case ActionDelayed:
		return "4"
	case ActionDelivered, ActionRelayed, ActionExpanded:
		return "2"
	}
	return "5"
}

// transcriptCommand reads a session transcript (Sendmail, Courier: ">>> DATA" then
// "<<< 550 ...") for the command that the first error answered, preferring an error that names
// addr.
func (p *interpreter) transcriptCommand(addr string) string {
	if !strings.Contains(p.text, ">>> ") {
		return ""
	}
	last, first := "", ""
	for _, line := range strings.Split(p.text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, ">>> "):
			last = commandOf(t)
			if last == "" {
				switch strings.ToUpper(strings.TrimSpace(t[4:])) {
				case "DATA", ".":
					last = "DATA"
				}
			}
		case strings.HasPrefix(t, "<<< ") && len(t) > 7 && (t[4] == '4' || t[4] == '5'):
			if strings.Contains(asciiLower(t), asciiLower(addr)) && last != "" {
				return last
			}
			if first == "" {
				first = last
			}
		case hasPrefixFold(t, "while talking to "):
			last = "" // the next session
		default:
			// Sendmail's entry lines: "554 <a@example.org>... Remote protocol error" answers
			// the session's last command; "550 example.org (smtp)... Host unknown" is an
			// attempt at another host, where no command was given.
			if e := transcriptEntry(t); e != "" {
				if strings.EqualFold(e, addr) {
					return last
				}
				if !strings.Contains(e, "@") {
					last = ""
				}
			}
		}
	}
	return first
}

// commandOf finds the SMTP command that the texts say failed, the phrases of DATA first: the
// first command of smtpCommands with a phrase in one of the texts where a word starts (not
// after a letter or a digit: "mail command" is not in "email commands"), ASCII case aside, found
// in one pass over each text.
func commandOf(texts ...string) string {
	scan, command := smtpCommandScan()
	var found uint64
	for _, t := range texts {
		found = scan.inText(t, found, true)
	}
	if found == 0 {
		return ""
	}
	return command[bits.TrailingZeros64(found)]
}

// smtpCommandScan returns the phraseScan of the phrases of smtpCommands, in their order, and
// the command of each phrase.
var smtpCommandScan = sync.OnceValues(func() (*phraseScan, []string) {
	var phrases, command []string
	for _, c := range smtpCommands {
		for _, pat := range c.phrases {
			phrases = append(phrases, pat)
			command = append(command, c.name)
		}
	}
	return newPhraseScan(phrases), command
})

var smtpCommands = []struct {
	name    string
	phrases []string
}{
	// Postfix's words for a refusal of its greeting or of its EHLO/HELO come first: the
	// remote's reply they quote may say "mail from" or "data" in its own sentences.
	{"CONN", []string{"refused to talk to me"}},
	{"DATA", []string{"end of data", "after end of data", "in reply to data", "after data", "after message", "end of message", "data command", "failed after i sent the message", "our final data"}},
	{"RCPT", []string{"rcpt to", "smtp:rcpt ", "rcpt command", "[rcpt_to]", "does not like recipient"}},
	{"MAIL", []string{"mail from", "smtp:mail ", "mail command", "does not like sender"}},
	{"HELO", []string{"in reply to helo", "in reply to ehlo", "after helo", "after ehlo"}},
	{"CONN", []string{"after initial connection", "in reply to initial", "connection refused", "banner"}},
}

// linesWith returns the lines of the text that mention addr.
func (p *interpreter) linesWith(addr string) []string {
	a := asciiLower(addr)
	if a == "" || !strings.Contains(p.lower, a) {
		return nil
	}
	var out []string
	lower := p.lower
	for len(lower) > 0 {
		i := strings.Index(lower, a)
		if i < 0 {
			break
		}
		start := strings.LastIndexByte(lower[:i], '\n') + 1
		end := strings.IndexByte(lower[i:], '\n')
		if end < 0 {
			end = len(lower)
		} else {
			end += i
		}
		off := len(p.lower) - len(lower)
		out = append(out, p.text[off+start:off+end])
		lower = lower[end:]
	}
	return out
}

// blockFor returns the lines of the text that speak of addr: its line and the lines after it up
// to the end of the paragraph (indented continuation lines included).
//
// The address may appear several times ("To: a@example.org" in a summary of the message, then
// "a@example.org on <date>: The recipient name is not recognized"): the first block that says
// something a rule or a code recognises wins, unless the first is the report's own line naming
// the recipient; else the first block.
func (p *interpreter) blockFor(addr string) string {
	first, labelled := "", ""
	mentions := p.mentions(addr)
	for n, at := range mentions {
		block := p.blockAt(at, addr)
		if len(mentions) == 1 {
			return block // the only one: no other to prefer
		}
		if n == 0 {
			first = block
		}
		if hasCodes(block) {
			return block
		}
		if r, _ := builtin.match(matchInput{text: foldCase(block)}); r != "" {
			return block
		}
		lineStart := strings.LastIndexByte(p.text[:at], '\n') + 1
		lead := asciiLower(p.text[lineStart:at])
		if n == 0 && containsAny(lead, recipientLabels) {
			return block // "undeliverable to a@example.org": the report's own line for it
		}
		if labelled == "" && n > 0 && containsAny(lead, laterRecipientLabels) {
			labelled = block // a later line that says what happened to it, rather than a quoted "To:"
		}
	}
	if labelled != "" {
		return labelled
	}
	return first
}

// expandedFrom returns the address that an alias or forward turned into addr, as Sendmail
// ("(expanded from: <a@example.org>)"), Exim ("(generated from a@example.org)") and PMDF or
// iPlanet ("Original address: a@example.org") note it under the recipient, or "".
func expandedFrom(block, addr string) string {
	lower := asciiLower(block)
	for _, marker := range expandedMarkers {
		if i := indexPhrase(lower, marker); i >= 0 {
			if spans := findAddresses(block[i+len(marker):]); len(spans) > 0 && !strings.EqualFold(spans[0].addr, addr) {
				return spans[0].addr
			}
		}
	}
	return ""
}

// expandedMarkers are the words under a recipient before the address an alias or forward
// turned into it (lower case).
var expandedMarkers = []string{"expanded from", "generated from", "original address:"}

// laterRecipientLabels are the recipientLabels that mark a report's own line even after a first
// mention: not "for <", which a Received header of a pasted copy has too.
var laterRecipientLabels = func() []string {
	var labels []string
	for _, l := range recipientLabels {
		if l != "for <" {
			labels = append(labels, l)
		}
	}
	return labels
}()

// codesBlockFor returns the first block of the text that speaks of addr with a status or a
// reply code, or "".
func (p *interpreter) codesBlockFor(addr string) string {
	for _, at := range p.mentions(addr) {
		if block := p.blockAt(at, addr); hasCodes(block) {
			return block
		}
	}
	return ""
}

// mentions returns where the text names addr (in any case): the byte offsets of its first eight
// mentions.
func (p *interpreter) mentions(addr string) []int {
	needle := asciiLower(addr)
	if needle == "" {
		return nil
	}
	var at []int
	for from := 0; len(at) < 8; {
		i := indexPhrase(p.lower[from:], needle)
		if i < 0 {
			break
		}
		at = append(at, from+i)
		from += i + len(needle)
	}
	return at
}

// hasCodes tells whether s carries an RFC 3463 status or an SMTP reply code.
func hasCodes(s string) bool { return findStatus(s) != "" || findReplyCode(s) != "" }

// blockAt returns the block of the address found at byte i of the text.
func (p *interpreter) blockAt(i int, addr string) string {
	start := strings.LastIndexByte(p.text[:i], '\n') + 1
	out := withoutAcceptedSteps(blockLines(p.text[start:], addr))
	if len(out) == 0 || strings.HasPrefix(out[0], "-----") {
		// Nothing follows the address but the next section ("------- Returned Message", or
		// the end of the notice when the returned message is cut off at that rule): Notes
		// writes the reason above it.
		if above := paragraphAbove(p.text[:start]); above != "" && !strings.HasSuffix(above, ":") {
			return above
		}
	}
	opening, _, _ := strings.Cut(p.text[start:], "\n")
	if len(out) > 0 && transcriptEntry(opening) != "" {
		// Sendmail's own line for the recipient ("554 <a@example.org>... Remote protocol
		// error") often only sums up; the server's reply it stands for is on the "<<< " lines
		// just above it, in the same session.
		if replies := transcriptRepliesBefore(p.text[:start]); replies != "" {
			out = append([]string{replies}, out...)
		}
	}
	return strings.Join(out, " ")
}

// blockLines returns the lines of the block that text opens, the mention of addr on its first
// line: up to a second paragraph, a section rule, the entry of another recipient or host, or 12
// lines; a one-line mention reads the paragraph that explains it, after a blank line. The lines
// are cut from text as they are read (strings.Split's lines, without splitting the rest).
func blockLines(text string, addr string) []string {
	var out []string
	blank := 0
	explaining := false // reading the paragraph that follows a one-line mention of the address
	for n, rest, more := 0, text, true; more; n++ {
		line := rest
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			line, rest = rest[:nl], rest[nl+1:]
		} else {
			more = false
		}
		t := strings.TrimSpace(line)
		if n > 0 && t == "" {
			if len(out) == 1 && strings.HasSuffix(out[0], ":") {
				continue // "because:", then the reason after a blank line
			}
			blank++
			if blank == 1 && len(out) > 1 && !explaining && hasPrefixFold(strings.TrimLeft(rest, " \t"), "reason:") {
				// "The message ... that you sent to a@example.org / was blocked by ...", then
				// after a blank line "Reason: the message was classified as spam".
				explaining = true
				continue
			}
			if blank > 1 || len(out) > 1 && !explaining {
				break
			}
			continue
		}
		if n > 0 && blank > 0 && !explaining && !(strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) {
			if len(out) > 1 || containsAny(asciiLower(t), boilerplateOpenings) {
				break
			}
			// "There was an error delivering your mail to <a@example.org>." then, after a blank
			// line, the paragraph that says what happened: read all of it.
			explaining = true
		}
		if len(out) > 0 && (strings.HasPrefix(t, "---") || strings.HasPrefix(t, "===")) {
			break // a section rule ("--- Original message headers ---") after what was said
		}
		if n > 0 && opensOtherEntry(t, addr) {
			break
		}
		if n == 0 && namesOnly(t, addr) {
			continue // the address's own line says nothing more than the address: left out
		}
		out = append(out, t)
		if len(out) >= 12 {
			break
		}
	}
	return out
}

// opensOtherEntry tells a line that opens the block of another recipient than addr, or in a
// Sendmail transcript the entry of the next host or recipient.
func opensOtherEntry(t, addr string) bool {
	if hasPrefixFold(t, "original address:") {
		return false // PMDF, iPlanet: the address the sender wrote, noted under the recipient
	}
	if len(findAddresses(t)) > 0 && isRecipientLine(t) && !strings.Contains(toLower(t), toLower(addr)) {
		return true
	}
	return (transcriptEntry(t) != "" || hasPrefixFold(t, "while talking to ")) && !strings.Contains(asciiLower(t), asciiLower(addr))
}

// namesOnly tells a line that says nothing more than the address addr.
func namesOnly(t, addr string) bool {
	return strings.Trim(strings.Replace(toLower(t), toLower(addr), "", 1), " \t<>:\"'*-•") == ""
}

// boilerplateOpenings start the paragraphs of a notice that speak of no failure (lower case).
var boilerplateOpenings = phraseList("boilerplate-openings")

// paragraphAbove returns the lines just above the end of text, up to a blank line or a section
// rule ("------- Failure Reasons --------").
func paragraphAbove(text string) string {
	var lines []string
	linesUpward(text, func(line string) bool {
		if line == "" || strings.HasPrefix(line, "---") || strings.HasPrefix(line, "===") || len(lines) == 6 {
			return false
		}
		lines = append([]string{line}, lines...)
		return true
	})
	return strings.Join(lines, " ")
}

// linesUpward calls visit with the lines of text, trimmed, from the last one up, until visit
// returns false.
func linesUpward(text string, visit func(line string) bool) {
	for text != "" {
		text = strings.TrimSuffix(text, "\n")
		i := strings.LastIndexByte(text, '\n')
		if !visit(strings.TrimSpace(text[i+1:])) || i < 0 {
			return
		}
		text = text[:i+1]
	}
}

// transcriptEntry returns the subject of a Sendmail transcript entry line, "550 <a@example.org>...
// User unknown" or "421 example.org (smtp)... Deferred": the address or host before "...", or ""
// when the line is not one.
func transcriptEntry(line string) string {
	t := strings.TrimSpace(line)
	if len(t) < 8 || !replyCodeAt(t, 0) || t[3] != ' ' {
		return ""
	}
	rest := t[4:]
	if st := findStatus(firstWord(rest)); st != "" && strings.HasPrefix(rest, st+" ") {
		rest = rest[len(st)+1:]
	}
	end := strings.Index(rest, "... ")
	if end < 0 && strings.HasSuffix(rest, "...") {
		end = len(rest) - 3
	}
	if end <= 0 {
		return ""
	}
	subject := rest[:end]
	if i := strings.Index(subject, " ("); i > 0 {
		subject = subject[:i] // "example.org (smtp)"
	}
	if strings.ContainsAny(subject, " \t") {
		return ""
	}
	return strings.Trim(subject, "<>")
}

// transcriptRepliesBefore returns the server replies ("<<< 550 Insecure Mail Relay") of the
// session that text ends in, read upwards to the command that drew them; "" when the entry above
// belongs to another recipient.
func transcriptRepliesBefore(text string) string {
	var replies []string
	linesUpward(text, func(line string) bool {
		switch {
		case strings.HasPrefix(line, "<<< "):
			replies = append([]string{line}, replies...)
			return true
		case strings.HasPrefix(line, ">>> "), hasPrefixFold(line, "while talking to "), line == "":
			return false
		}
		// A host's entry ("421 example.org (smtp)... Deferred") may stand between them.
		e := transcriptEntry(line)
		return e != "" && !strings.Contains(e, "@")
	})
	return strings.Join(replies, " ")
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// expiryPhrases say that the queue gave the message up (lower case).
var expiryPhrases = phraseList("expiry-phrases")

// wholeReply returns the whole multi-line SMTP reply whose first line is first ("550-5.1.1 The
// email account that you tried to reach does not exist. Please try"), read from the lines of
// text that continue it (a Sendmail transcript's "<<< 550-5.1.1 double-checking ..."), with the
// codes that each line repeats left out; "" when first is not the opening of a multi-line reply
// or text does not have the rest.
func wholeReply(text, first string) string {
	first = strings.TrimSpace(first)
	if len(first) < 8 || !replyCodeAt(first, 0) || first[3] != '-' {
		return ""
	}
	code := first[:3]
	at := strings.Index(text, first)
	for at > 0 && text[at-1] != '\n' && !strings.HasPrefix(text[max(at-4, 0):at], "<<< ") {
		// Not at the start of a line: look for a later copy that is.
		next := strings.Index(text[at+1:], first)
		if next < 0 {
			return ""
		}
		at += 1 + next
	}
	if at < 0 {
		return ""
	}
	rest := text[at+len(first):]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		return ""
	}
	var b strings.Builder
	b.WriteString(first)
	for n := 0; rest != "" && n < 24; n++ {
		line, tail, _ := strings.Cut(rest, "\n")
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "<<<"))
		if len(t) < 4 || !strings.HasPrefix(t, code) || t[3] != '-' && t[3] != ' ' {
			break
		}
		words := strings.TrimSpace(t[4:])
		if st := statusAt(words, 0); st > 0 && (len(words) == st || words[st] == ' ') {
			words = strings.TrimSpace(words[st:]) // the status each line repeats
		}
		if words != "" {
			b.WriteByte(' ')
			b.WriteString(words)
		}
		if t[3] == ' ' {
			return b.String() // the last line of the reply
		}
		rest = tail
	}
	if b.Len() == len(first) {
		return ""
	}
	return b.String()
}
