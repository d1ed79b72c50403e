package dsn

import (
	"strings"
)

// originalMarkers are phrases of the line after which a non-MIME bounce pastes the returned
// message (lower case).
var originalMarkers = phraseList("original-markers")

// originalMarkerSet finds the earliest of originalMarkers, searching only where their common
// words are.
var originalMarkerSet = newMarkerSet(originalMarkers, "message", "mail")

// markerSet finds the earliest of several phrases in a text in one pass per anchor, a word that
// every phrase contains, instead of one pass per phrase.
type markerSet struct {
	anchors []string
	uses    [][]anchoredMarker // for each anchor, the markers that contain it
	reach   []int              // for each anchor, its largest offset in a marker
}

type anchoredMarker struct {
	marker string
	offset int // where the anchor is in marker
}

func newMarkerSet(markers []string, anchors ...string) *markerSet {
	ms := &markerSet{anchors: anchors, uses: make([][]anchoredMarker, len(anchors)), reach: make([]int, len(anchors))}
	for _, m := range markers {
		found := false
		for i, a := range anchors {
			if k := strings.Index(m, a); k >= 0 {
				ms.uses[i] = append(ms.uses[i], anchoredMarker{m, k})
				ms.reach[i] = max(ms.reach[i], k)
				found = true
				break
			}
		}
		if !found {
			panic("dsn: marker " + m + " contains no anchor")
		}
	}
	return ms
}

// index returns where the earliest marker starts in text, or -1.
func (ms *markerSet) index(text string) int {
	cut := -1
	for i, a := range ms.anchors {
		for from := 0; from < len(text); {
			j := indexPhrase(text[from:], a)
			if j < 0 {
				break
			}
			at := from + j
			if cut >= 0 && at-ms.reach[i] >= cut {
				break // any marker found from here would start later
			}
			for _, u := range ms.uses[i] {
				if start := at - u.offset; start >= 0 && (cut < 0 || start < cut) && strings.HasPrefix(text[start:], u.marker) {
					cut = start
				}
			}
			from = at + 1
		}
	}
	return cut
}

// splitOriginal finds where a copy of the returned message starts in the text: it returns the
// length of the text before it, and that copy's header. lower is the text in lower case.
func splitOriginal(text, lower string) (int, header) {
	cut := originalMarkerAt(lower)
	if ruled := ruledOriginalTitleAt(lower); ruled >= 0 && (cut < 0 || ruled < cut) {
		cut = ruled
	}
	if cut < 0 {
		// A header block pasted after a blank line, a rule ("-------") or a title drawn
		// between rules, whatever its words ("--- Message headers follow ---").
		headerAt := -1
		for _, m := range []string{"\nreturn-path:", "\nreceived: from", "\nreceived: by"} {
			if i, h := pastedHeaderAt(lower, m); i >= 0 && (cut < 0 || i < cut) {
				cut, headerAt = i, h
			}
		}
		if cut < 0 {
			return len(text), nil
		}
		return cut, parseHeaderBytes([]byte(text[headerAt:]))
	}
	lineStart := strings.LastIndexByte(text[:cut], '\n') + 1
	rest := text[cut:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = strings.TrimLeft(rest[nl+1:], "\n \t")
	} else {
		rest = ""
	}
	return lineStart, parseHeaderBytes([]byte(rest))
}

// originalMarkerAt returns where the first of originalMarkers starts that marks the returned
// message, or -1: not one in a line that speaks of the original's recipients ("Recipients of
// the original message:", a list of addresses follows, the notice's own text goes on).
func originalMarkerAt(lower string) int {
	for from := 0; from < len(lower); {
		i := originalMarkerSet.index(lower[from:])
		if i < 0 {
			return -1
		}
		i += from
		lineStart := strings.LastIndexByte(lower[:i], '\n') + 1
		if !containsAny(lower[lineStart:i], recipientLabels) {
			return i
		}
		next := strings.IndexByte(lower[i:], '\n')
		if next < 0 {
			return -1
		}
		from = i + next + 1
	}
	return -1
}

// ruledOriginalTitles are words of a title between rules ("------ Original message (first 160
// characters) ------", "---- Rejected message (22 lines) ----", "** Text of Mail follows **")
// above the returned message (lower case).
var ruledOriginalTitles = phraseList("ruled-original-titles")

var ruledOriginalTitleSet = lazyPhraseSet(ruledOriginalTitles)

// ruledOriginalTitleAt returns where the first line starts that is a title drawn between rules
// of '-', '=' or '*' and names the returned message (ruledOriginalTitles); -1 when there is none.
// Only lines that start with a rule are looked at.
func ruledOriginalTitleAt(lower string) int {
	for start := 0; start < len(lower); {
		end := strings.IndexByte(lower[start:], '\n')
		if end < 0 {
			end = len(lower)
		} else {
			end += start
		}
		line := strings.TrimSpace(lower[start:end])
		if len(line) > 4 && isRuleByte(line[0]) && isRuleByte(line[1]) && isRuleByte(line[len(line)-1]) {
			title := strings.TrimLeft(line, "-=* ")
			title = strings.TrimRight(title, "-=* ")
			// Outlook's "-----Original Message-----" heads a forwarded or replied-to message,
			// here the bounce itself; the rules of a returned message's title have spaces.
			if title != line && title != "original message" && ruledOriginalTitleSet().in(title) {
				return start
			}
		}
		start = end + 1
	}
	return -1
}

// isRuleByte tells a byte that draws a rule line.
func isRuleByte(b byte) bool { return b == '-' || b == '=' || b == '*' }

// pastedHeaderAt finds the first header block that starts with field (a line break, then a
// lower-case field name) after a blank line, a line drawn with '-', '=' or '_', or a title
// drawn between such rules ("--- Message headers follow ---", "=== Returned headers ==="): it
// returns where the returned message starts (the block, or the title above it) and where its
// header starts; -1, -1 when there is none.
func pastedHeaderAt(lower, field string) (start, headerAt int) {
	for from := 0; ; {
		i := indexPhrase(lower[from:], field)
		if i < 0 {
			return -1, -1
		}
		i += from
		aboveAt := strings.LastIndexByte(lower[:i], '\n') + 1
		above := lower[aboveAt:i]
		if strings.Trim(above, "-=_ \t") == "" {
			return i + 1, i + 1
		}
		if isRuledTitle(strings.TrimSpace(above)) {
			return aboveAt, i + 1
		}
		from = i + 1
	}
}

// isRuledTitle tells a line (trimmed) that is a title drawn between rules: it starts with two
// rule bytes ('-', '=', '*', '_') and ends with one, with words between.
func isRuledTitle(line string) bool {
	isRule := func(b byte) bool { return isRuleByte(b) || b == '_' }
	return len(line) > 4 && isRule(line[0]) && isRule(line[1]) && isRule(line[len(line)-1]) &&
		strings.Trim(line, "-=*_ \t") != ""
}

// bounceSubjects are subject phrases of bounce messages (lower case).
var bounceSubjects = phraseList("bounce-subjects")

var bounceSubjectSet = lazyPhraseSet(bounceSubjects)

// bouncePhrases are phrases of bounce texts (lower case).
var bouncePhrases = phraseList("bounce-phrases")

var bouncePhraseSet = lazyPhraseSet(bouncePhrases)

// containsAny tells whether s contains one of phrases.
func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if len(p) <= len(s) && containsPhrase(s, p) { // (a longer phrase is not searched at all)
			return true
		}
	}
	return false
}

// mailSystemSenders are words of the From field of a mail system's notices (lower case).
var mailSystemSenders = phraseList("mail-system-senders")

// fromMailSystem tells whether the message comes from a mail system rather than a person.
func (p *interpreter) fromMailSystem() bool {
	from := toLower(p.c.top.get("from"))
	return isSystemAddress(firstAddress(from)) || containsAny(from, mailSystemSenders) || from == "<>"
}

// looksLikeBounce tells whether a message without a delivery-status part is a bounce.
func (p *interpreter) looksLikeBounce() bool {
	top := p.c.top
	if top.has("x-failed-recipients") || len(p.c.statusBlobs) > 0 {
		return true // a delivery-status part, even one without records, reports a delivery
	}
	if isListRobot(toLower(localPart(firstAddress(top.get("from"))))) {
		// A list manager writes from its robots' addresses (news-owner@, news-request@,
		// news-bounces@, owner-news@) to people: a moderation hold, a welcome, a subscriber
		// removed after bounces. A mail system's bounce comes from its own address.
		return false
	}
	fromSystem := p.fromMailSystem()
	subject := toLower(top.decoded("subject"))
	subjectBounce := bounceSubjectSet().in(subject)
	textBounce := p.lowerContainsAny(bouncePhrases)
	switch {
	case fromSystem && (subjectBounce || textBounce):
		return true
	case subjectBounce && textBounce:
		return true
	case top.get("return-path") == "<>" && textBounce && (fromSystem || subjectBounce):
		return true
	}
	return false
}

// abandonedPhrases are the words of an auto-reply that says its mailbox is no longer read: the
// mail is not delivered to anyone (lower case).
var abandonedPhrases = phraseList("abandoned-phrases")

// paragraphAt returns the paragraph of text around byte i, on one line.
func paragraphAt(text string, i int) string {
	start, end := paragraphBounds(text, i)
	return strings.Join(strings.Fields(text[start:end]), " ")
}

// paragraphBounds returns where the paragraph (between blank lines) around byte i of text starts
// and ends.
func paragraphBounds(text string, i int) (start, end int) {
	start = strings.LastIndex(text[:i], "\n\n") + 1
	if end = strings.Index(text[i:], "\n\n"); end < 0 {
		return start, len(text)
	}
	return start, i + end
}

// openingLine returns the first line of text that says something: not blank, not a salutation
// such as "Hello," or "Dear Ms Ruiz,".
func openingLine(text string) string {
	first := ""
	for _, line := range strings.SplitN(text, "\n", 12) {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if first == "" {
			first = t
		}
		if len(t) < 40 && strings.HasSuffix(t, ",") {
			continue
		}
		return firstLine(t) // the last piece of SplitN holds the rest of the text
	}
	return firstLine(first)
}

// recipientLabels mark a line that names a failed recipient (lower case).
var recipientLabels = phraseList("recipient-labels")

var recipientLabelSet = lazyPhraseSet(recipientLabels)

// recipientLeadIns end the words right before an address that they name as the failed
// recipient (lower case).
var recipientLeadIns = phraseList("recipient-lead-ins")

// hasSuffixAny tells whether s ends with one of suffixes.
func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// senderLabels mark a line that names the sender, not a recipient (lower case).
var senderLabels = phraseList("sender-labels")

var senderLabelSet = lazyPhraseSet(senderLabels)

// isRecipientLine tells whether a line names its address as a recipient rather than in passing.
func isRecipientLine(line string) bool {
	t := strings.TrimSpace(line)
	spans := findAddresses(t)
	if len(spans) == 0 {
		return false
	}
	s := spans[0]
	before := toLower(strings.TrimSpace(t[:s.start]))
	after := strings.TrimSpace(t[s.end:])
	before = strings.TrimRight(before, "<\"' ")
	after = strings.TrimLeft(after, ">\"' ")
	switch {
	case senderLabelSet().in(before):
		return false // "Sender Address: news@lists.example.org"
	case inURL(t, s):
		return false // "Visit https://example.org/help?user=a@example.org"
	case before == "" && (after == "" || after == ":" || strings.HasPrefix(after, "(") || strings.HasPrefix(after, ":") || strings.HasPrefix(after, "...") || strings.HasPrefix(after, ",")):
		return true
	case before == "":
		return true // a line that starts with the address
	case before != "" && strings.Trim(before, ">-*#•+=|: \t") == "":
		return true
	case strings.HasSuffix(before, "(") && namedByLabel(before):
		return true // Notes: "User Ann Lee (ann.lee@example.com) not listed in Domino Directory"
	case len(before) == 3 && replyCodeAt(before, 0) && (before[0] == '4' || before[0] == '5'):
		return true // Sendmail: "550 <addr>... User unknown" (not a transcript's "250 <addr>, Sender ok")
	case strings.HasSuffix(before, ":") && recipientLabelSet().in(lastSentence(before)):
		// "Delivery to the following recipient failed permanently: a@example.org", not "The
		// intended recipient was not notified. Questions: help@example.org"
		return true
	case before == "message to":
		return true // a text gateway's "Message to 5559876543@example.net failed: ..."
	case hasSuffixAny(before, recipientLeadIns):
		return true // "There was a problem delivering your message to a@example.org."
	case recipientLabelSet().in(lastWords(before, 2)):
		return true // "undeliverable to a@example.org", not "the form of an address here is a@example.org"
	}
	return false
}

// isListSeparator tells the text between two addresses of one list: a comma or semicolon with
// spaces and the brackets around them, or "and".
func isListSeparator(between string) bool {
	t := strings.Trim(between, " \t<>\"'")
	return t == "," || t == ";" || strings.EqualFold(t, "and") || t == ", and"
}

// lastSentence returns what follows the last end of a sentence (". ", "! ", "? ") in s.
func lastSentence(s string) string {
	for i := len(s) - 2; i > 0; i-- {
		if s[i+1] == ' ' && (s[i] == '.' || s[i] == '!' || s[i] == '?') {
			return s[i+2:]
		}
	}
	return s
}

// namedByLabel tells the words before an address in parentheses that name its owner after a
// recipient label ("user ann lee ("): a label, then at most a name of four words.
func namedByLabel(before string) bool {
	words := strings.Fields(strings.TrimSuffix(before, "("))
	return len(words) >= 2 && len(words) <= 5 && recipientLabelSet().in(words[0]) && !senderLabelSet().in(before)
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(len(f)-n, 0):], " ")
}

// textBounceReader reads a bounce written for people, with no delivery-status part: the
// recipients its text names, with the status and diagnostic of the paragraph that names each.
// It reads a message that looks like a bounce, or one where a line starts with one of the
// user's recipient prefixes.
var textBounceReader = reader{
	name:  "text",
	stage: stageText, order: 90,
	detect: func(p *interpreter) bool {
		return p.looksLikeBounce() || p.userPrefixMatches()
	},
	read: (*interpreter).textBounce,
}

func init() { register(textBounceReader) }

// textBounce finds the failed recipients of a bounce that has no delivery-status part, from its
// human-readable text.
func (p *interpreter) textBounce() {
	found := p.findTextRecipients()
	delayed := p.looksDelayed()
	delivered := p.looksDelivered()
	for _, c := range found {
		r := Recipient{Address: c.addr, Action: ActionFailed, Evidence: c.evidence, SenderSide: c.senderSide}
		switch {
		case delivered:
			r.Action = ActionDelivered
		case c.outcome != "":
			r.Action = c.outcome
		case delayed:
			r.Action = ActionDelayed
		}
		p.complete(&r)
		p.completeFromText(&r, len(found) == 1)
		if r.Command == "" {
			r.Command = commandOf(r.Diagnostic) // the error lines completeFromText added say it
		}
		p.rep.Recipients = append(p.rep.Recipients, r)
	}
	p.rep.Recipients = withoutOriginalAddresses(p.rep.Recipients)
}

// withoutOriginalAddresses leaves out a recipient whose address is the original address of
// another: the line that named it noted the address the sender wrote under the one that failed
// (iPlanet's "Recipient address: b@example.net" then "Original address: a@example.org").
func withoutOriginalAddresses(rs []Recipient) []Recipient {
	kept := rs[:0]
	for i, r := range rs {
		dup := false
		for j, o := range rs {
			if i != j && o.OriginalAddress != "" && strings.EqualFold(o.OriginalAddress, r.Address) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, r)
		}
	}
	return kept
}

// candidate is an address that a finder took for a failed recipient, with its evidence.
type candidate struct {
	addr     string
	evidence Evidence
	// slot: the MTA itself names the address as failed, in X-Failed-Recipients or on a line
	// that starts with it under a known MTA's failed-address heading (failedAddressHeadings),
	// rather than a heuristic finding it in free text.
	slot bool
	// senderSide: one of the sender's own addresses, taken all the same because the MTA named
	// it alone in its slot (see dropSenderSide).
	senderSide bool
	// outcome: listed under a heading of recipients still being tried (delayed) or delivered,
	// among failures; "" for a failed one.
	outcome Action
}

// recipientSearch gathers the candidates of a text bounce, leaving out the notice's own
// addresses and the sender's side.
type recipientSearch struct {
	p           *interpreter
	exclude     map[string]bool // the From, Reply-To, Sender, Return-Path of the bounce and of the original
	seen        map[string]bool
	found       []candidate
	senderNamed []candidate // the sender's addresses that a finder named as the failed recipient
	sentTo      string
	weak        []string // addresses met in passing, the last resort
	// noticeTo: the addresses of the notice's own "To:" lines, which describe the returned
	// message ("To: 5551234567@sms.example.com" above "Subject:" and "Error:").
	noticeTo []string
}

// findTextRecipients runs the finders of a text bounce from the strongest evidence to the
// weakest: X-Failed-Recipients and the user's prefixes; the lines that name a recipient; the
// VERP return path; the returned message's only To; an address met in passing.
func (p *interpreter) findTextRecipients() []candidate {
	s := &recipientSearch{p: p, exclude: p.noticeAddresses(), seen: map[string]bool{}}
	s.fromFailedRecipients()
	s.fromUserPrefixes()
	// The bounce goes back to the sender: its own To is never a recipient that merely appears
	// in the text ("*  From: news@lists.example.org" in a session log).
	s.sentTo = toLower(firstAddress(p.c.top.get("to")))
	if len(s.found) == 0 {
		s.fromLines()
	}
	p.senderNamed = len(s.senderNamed) > 0
	if len(s.found) == 0 && len(s.senderNamed) > 0 {
		// The notice is about the sender's own address (a refused list address, a failed
		// sender verification, a message to itself): no subscriber is to be guessed in its
		// place. The address is kept only when the MTA named it, alone, in its slot.
		return s.senderSideInSlot()
	}
	if len(s.found) == 0 {
		s.fromSubject()
	}
	if len(s.found) == 0 {
		s.fromVERP()
	}
	if len(s.found) == 0 && p.c.hasOriginal {
		// The returned message's only addressee is a better guess than an address met in
		// passing ("write to help@example.edu").
		if to := strings.Split(p.c.original.get("to"), ","); len(to) == 1 {
			s.add(firstAddress(to[0]), EvidenceOriginalTo)
		}
	}
	if a := s.onlyNoticeTo(); len(s.found) == 0 && a != "" {
		// The notice's own words say whom the returned message was written to, as its To would.
		s.add(a, EvidenceOriginalTo)
	}
	if len(s.found) == 0 {
		// A notice already read as a bounce whose subject, in words not known here
		// ("Toimitus epäonnistui: a@example.org" before Finnish was), names one address: that
		// address, rather than one met in passing in its text (the help desk's), though only as
		// a guess.
		s.fromSubjectWords(false)
	}
	if a := s.guess(); len(s.found) == 0 && a != "" {
		s.add(a, EvidenceGuess)
	}
	return s.found
}

// noticeAddresses are the notice's own addresses and those of the returned message's sender, in
// lower case: never a recipient met in passing.
func (p *interpreter) noticeAddresses() map[string]bool {
	exclude := map[string]bool{}
	for _, k := range []string{"from", "reply-to", "sender", "return-path"} {
		if a := firstAddress(p.c.top.get(k)); a != "" {
			exclude[toLower(a)] = true
		}
	}
	if p.c.hasOriginal {
		for _, k := range []string{"from", "return-path", "sender", "reply-to"} {
			if a := firstAddress(p.c.original.get(k)); a != "" {
				exclude[toLower(a)] = true
			}
		}
	}
	return exclude
}

// add takes a candidate that a heuristic found (see addCandidate).
func (s *recipientSearch) add(a string, evidence Evidence) {
	s.addCandidate(candidate{addr: a, evidence: evidence})
}

// addCandidate takes a candidate, unless it is already taken or one of the notice's own
// addresses met in passing; one of the sender's addresses is set apart (see senderSideInSlot).
func (s *recipientSearch) addCandidate(c candidate) {
	// The sender's own addresses (its From, its list's addresses, the bounce address) are no
	// failed recipient, whatever line names them, but for senderSideInSlot's exception; the
	// bounce's Reply-To only when the text merely mentions it.
	a, evidence := c.addr, c.evidence
	if a != "" && s.p.isSenderSide(a) {
		if evidence != EvidenceGuess {
			s.senderNamed = append(s.senderNamed, c)
		}
		return
	}
	k := toLower(a)
	if a == "" || s.seen[k] || s.exclude[k] && (evidence == EvidenceGuess || evidence == EvidenceOriginalTo) {
		return
	}
	s.seen[k] = true
	s.found = append(s.found, c)
}

// senderSideInSlot returns, when the notice named nothing but one of the sender's addresses and
// the MTA named it in its own failed-recipient slot, that address marked as the sender's; else
// nothing (see dropSenderSide for the rule and its reason).
func (s *recipientSearch) senderSideInSlot() []candidate {
	var named candidate
	for _, c := range s.senderNamed {
		if named.addr != "" && !strings.EqualFold(c.addr, named.addr) {
			return nil // two addresses: not one failed recipient the MTA named
		}
		if named.addr == "" || c.slot {
			named = c
		}
	}
	if !named.slot || s.p.isListOrBounceAddress(named.addr) {
		return nil
	}
	named.senderSide = true
	return []candidate{named}
}

// fromFailedRecipients takes the addresses of the X-Failed-Recipients field.
func (s *recipientSearch) fromFailedRecipients() {
	for _, a := range strings.Split(s.p.c.top.get("x-failed-recipients"), ",") {
		s.addCandidate(candidate{addr: firstAddress(a), evidence: EvidenceFailedRecipients, slot: true})
	}
}

// fromUserPrefixes takes the addresses after the user's recipient prefixes ("Destinataire :"),
// which name recipients in odd bounces.
func (s *recipientSearch) fromUserPrefixes() {
	if s.p.opts.Rules == nil {
		return
	}
	for _, prefix := range s.p.opts.Rules.RecipientPrefixes() {
		for _, line := range strings.Split(s.p.text, "\n") {
			t := strings.TrimSpace(line)
			if len(t) > len(prefix) && strings.EqualFold(t[:len(prefix)], prefix) {
				s.add(firstAddress(t[len(prefix):]), EvidenceLabelledLine)
			}
		}
	}
}

// mayBeRecipient tells an address met in the text that is none of the notice's own.
func (s *recipientSearch) mayBeRecipient(a string) bool {
	k := toLower(a)
	return !s.exclude[k] && k != s.sentTo && !isSystemAddress(a)
}

// fromLines takes the addresses that lines of the text name as failed recipients, and keeps
// those met in passing as weak ones.
func (s *recipientSearch) fromLines() {
	// A line such as "did not reach the following recipient(s):" announces the recipient
	// named by the next line that has an address, within the two lines that follow it.
	announced := false
	listing := false      // in the list of the original's recipients, until a blank line
	silent := 0           // non-blank lines without an address since the announcement
	underHeading := false // below a known MTA's failed-address heading
	var outcome Action    // below a heading of addresses still being tried or delivered
	outcomeFrom := -1     // the candidates from this one on were found below such a heading
	prev := ""
	lines := strings.Split(s.p.text, "\n")
	accepted := acceptedRcpts(lines)
	// The headings are looked for line by line only in a text that has one of them.
	stillTried, delivered := s.p.lowerContainsAny(stillTriedHeadings), s.p.lowerContainsAny(deliveredHeadings)
	originalHeadings := s.p.lowerContainsAny(originalRecipientsHeadings)
	for i, line := range lines {
		if !underHeading && isFailedAddressHeading(prev, line) {
			underHeading = true
		}
		if !strings.Contains(line, "@") && (stillTried || delivered || outcome != "") {
			was := outcome
			switch l := asciiLower(line); {
			case stillTried && stillTriedHeadingSet().in(l):
				outcome = ActionDelayed
			case delivered && deliveredHeadingSet().in(l):
				outcome = ActionDelivered
			case outcome != "" && bouncePhraseSet().in(l):
				outcome = "" // (not searched when there is none: 93 phrases a line)
			}
			if outcome != was {
				if outcomeFrom >= 0 {
					s.markOutcome(outcomeFrom, was)
				}
				outcomeFrom = -1
				if outcome != "" {
					outcomeFrom = len(s.found)
				}
			}
		}
		if l := strings.TrimRight(line, "\r"); l == "--" || l == "-- " {
			break // a signature (RFC 3676's "-- " line): the notice's writer, no recipient below
		}
		if t := strings.TrimSpace(line); t == "" {
			listing = false
		} else if originalHeadings && !strings.Contains(line, "@") && containsAny(asciiLower(t), originalRecipientsHeadings) {
			listing, announced = true, false
			prev = line
			continue
		} else if listing && strings.Contains(line, "@") {
			continue // "Recipients of the original message:": who it was sent to, not who failed
		}
		before := prev // the line above, for a label that ends it ("The new address is")
		if strings.TrimSpace(line) != "" {
			prev = line
		}
		if !strings.Contains(line, "@") {
			if a := splitAddressLine(line); a != "" && s.mayBeRecipient(a) {
				// Office 365: "kim.lowe wasn't found at outlook.example.com."
				s.addCandidate(candidate{addr: a, evidence: EvidenceLabelledLine})
				continue
			}
			if t := strings.TrimSpace(line); strings.HasSuffix(t, ":") && recipientLabelSet().in(asciiLower(t)) {
				announced, silent = true, 0
			} else if t != "" {
				// The announced address follows the announcement, not a paragraph later.
				if silent++; silent > 2 {
					announced = false
				}
			}
			continue
		}
		if namesNewAddress(before, line) {
			continue // "The new address is b@example.com": where a moved mailbox now is
		}
		if namesContact(before, line) {
			continue // "For help contact our customer service:" above "helpdesk@example.net"
		}
		if announced {
			announced = false
			l := toLower(line)
			if spans := findAddresses(line); len(spans) > 0 && !inURL(line, spans[0]) && !strings.Contains(l, "from") && s.mayBeRecipient(spans[0].addr) {
				s.addCandidate(candidate{addr: spans[0].addr, evidence: EvidenceLabelledLine, slot: underHeading && startsWithAddress(line)})
				continue
			}
		}
		if isRecipientLine(line) {
			if accepted[i] {
				continue // ">>> RCPT TO:<a@example.org>" answered "<<< 250 2.1.5 Ok": not refused
			}
			spans := findAddresses(line)
			c := candidate{addr: spans[0].addr, evidence: lineEvidence(line), slot: underHeading && startsWithAddress(line)}
			if saysDelivered(line[spans[0].end:]) {
				c.outcome = ActionDelivered // a table's row "b@example.org   Delivered"
			}
			s.addCandidate(c)
			// "unknown here: a@example.net; b@example.net": the addresses listed after it
			for i := 1; i < len(spans) && isListSeparator(line[spans[i-1].end:spans[i].start]); i++ {
				s.addCandidate(candidate{addr: spans[i].addr, evidence: EvidenceLabelledLine})
			}
			continue
		}
		l := toLower(line)
		if strings.Contains(l, "mail from") || strings.Contains(l, "from:") || isQuotedHeaderLine(line) {
			if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "to:") {
				if spans := findAddresses(line); len(spans) == 1 && s.mayBeRecipient(spans[0].addr) && !s.p.isSenderSide(spans[0].addr) {
					s.noticeTo = append(s.noticeTo, spans[0].addr)
				}
			}
			continue
		}
		for _, sp := range findAddresses(line) {
			if s.mayBeGuessed(line, sp) {
				s.weak = append(s.weak, sp.addr)
			}
		}
	}
	if outcomeFrom >= 0 {
		s.markOutcome(outcomeFrom, outcome)
	}
}

// splitAddressPhrases join the local part and the domain of a failed address that a notice
// names apart, each on one side ("kim.lowe wasn't found at outlook.example.com", Office 365's
// notice for people; lower case).
var splitAddressPhrases = phraseList("split-address-phrases")

// splitAddressLine returns the address a line names as local part and domain on either side of
// one of splitAddressPhrases, when the line is only that ("kim.lowe wasn't found at
// outlook.example.com."); "" otherwise.
func splitAddressLine(line string) string {
	t := strings.TrimRight(strings.TrimSpace(line), ".")
	local, rest, ok := strings.Cut(t, " ")
	if !ok {
		return ""
	}
	for _, ph := range splitAddressPhrases {
		if len(rest) > len(ph) && strings.EqualFold(rest[:len(ph)], ph) && rest[len(ph)] == ' ' {
			domain := rest[len(ph)+1:]
			if a := local + "@" + domain; strings.IndexByte(domain, ' ') < 0 && firstAddress(a) == a && validAddress(a) {
				return a
			}
		}
	}
	return ""
}

// contactLabels introduce the address of someone to ask for help: a help desk, a customer
// service, the notice's own administrator (lower case).
var contactLabels = phraseList("contact-labels")

// namesContact tells whether the first address of line is introduced, on it or at the end of the
// line above (prev), as an address to ask for help: the words before it, in their last
// sentence, name a contact and end with ':' or with those words ("For help contact our customer
// service:", "please write to").
func namesContact(prev, line string) bool {
	spans := findAddresses(line)
	if len(spans) == 0 {
		return false
	}
	lead := strings.TrimSpace(line[:spans[0].start])
	lead = strings.TrimRight(lead, "<\"' ")
	if lead == "" {
		lead = strings.TrimSpace(prev)
	}
	lead = lastSentence(toLower(lead))
	if !containsAny(lead, contactLabels) {
		return false
	}
	return strings.HasSuffix(lead, ":") || hasSuffixAny(lead, contactLabels)
}

// originalRecipientsHeadings are the words of a heading under which a notice lists all the
// recipients of the returned message, those that failed and those that did not, before it says
// which failed (lower case): Kerio's "Recipients of the original message:".
var originalRecipientsHeadings = phraseList("original-recipients-headings")

// newAddressLabels introduce the address a moved mailbox now receives mail at (lower case).
var newAddressLabels = phraseList("new-address-labels")

// namesNewAddress tells whether the first address of line is introduced, on it or at the end of
// the line above (prev), as the new address of a moved mailbox.
func namesNewAddress(prev, line string) bool {
	spans := findAddresses(line)
	if len(spans) == 0 {
		return false
	}
	lead := strings.TrimSpace(line[:spans[0].start])
	if lead == "" {
		lead = prev
	}
	return containsAny(lastSentence(toLower(lead)), newAddressLabels)
}

// acceptedRcpts returns the lines of a session transcript that are RCPT commands the server
// accepted (2xx) when it refused another RCPT of the session and not the message itself (its
// DATA or final dot): those recipients were not refused. When the refusal came at DATA, an
// accepted RCPT is the one that failed, and none is returned.
func acceptedRcpts(lines []string) map[int]bool {
	var accepted map[int]bool
	rcptRefused := false
	for i, line := range lines {
		cmd, ok := sessionCommand(line)
		if !ok {
			continue
		}
		code := nextReplyCode(lines, i)
		if code == "" {
			continue
		}
		switch {
		case strings.HasPrefix(cmd, "rcpt to"):
			if code[0] == '2' {
				if accepted == nil {
					accepted = map[int]bool{}
				}
				accepted[i] = true
			} else {
				rcptRefused = true
			}
		case cmd == "data" || cmd == ".":
			if code[0] != '2' && code[0] != '3' {
				return nil
			}
		}
	}
	if !rcptRefused {
		return nil
	}
	return accepted
}

// sessionCommand returns, in lower case, the command of a transcript's line that sends one
// (">>> RCPT TO:<a@example.org>", "-> DATA"), and whether it is one.
func sessionCommand(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t")
	for _, mark := range []string{">>>", "->"} {
		if strings.HasPrefix(t, mark) {
			return asciiLower(strings.TrimSpace(t[len(mark):])), true
		}
	}
	return "", false
}

// nextReplyCode returns the reply code of the line after command line i that answers it
// ("<<< 250 2.1.5 Ok"), or "" when the next line that says anything is no reply.
func nextReplyCode(lines []string, i int) string {
	for _, next := range lines[i+1 : min(i+4, len(lines))] {
		t := strings.TrimLeft(next, " \t<-")
		if t == "" {
			continue
		}
		if replyCodeAt(t, 0) {
			return t[:3]
		}
		return ""
	}
	return ""
}

// deliveredResults are the words that, alone after an address, say it was delivered: a
// delivery report's row "b@example.org   Delivered" (lower case, whole words).
var deliveredResults = phraseList("delivered-results")

// saysDelivered tells whether the words after a recipient's address say it was delivered: they
// open with one of deliveredResults and have none of failureWords.
func saysDelivered(after string) bool {
	l := asciiLower(strings.TrimLeft(after, ">\"' \t:-|"))
	words := strings.Fields(l)
	if len(words) == 0 {
		return false
	}
	word := strings.TrimRight(words[0], ".,;:!")
	for _, w := range deliveredResults {
		if word == w {
			return !containsAny(l, failureWords)
		}
	}
	return false
}

// isLocalPartByte tells a letter, digit or one of the other bytes a local part ends with.
func isLocalPartByte(b byte) bool {
	return isDomainStartByte(b) || strings.IndexByte("._-+=", b) >= 0
}

// isDomainStartByte tells a letter or digit, with which a domain name starts.
func isDomainStartByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// stillTriedHeadings are the words of a heading under which a notice lists the recipients it
// is still trying, among others that failed (lower case).
var stillTriedHeadings = phraseList("still-tried-headings")

var stillTriedHeadingSet = lazyPhraseSet(stillTriedHeadings)

// deliveredHeadings are the words of a heading under which a notice lists the recipients it
// delivered to, among others that failed (lower case).
var deliveredHeadings = phraseList("delivered-headings")

var deliveredHeadingSet = lazyPhraseSet(deliveredHeadings)

// markOutcome notes the candidates from the index from on as listed under a heading that says
// what became of them: still tried (delayed) or delivered.
func (s *recipientSearch) markOutcome(from int, outcome Action) {
	for i := range s.found[from:] {
		s.found[from+i].outcome = outcome
	}
}

// onlyNoticeTo returns the one address of the notice's own "To:" lines, or "" when they name
// none or several.
func (s *recipientSearch) onlyNoticeTo() string {
	if len(s.noticeTo) == 0 {
		return ""
	}
	for _, a := range s.noticeTo[1:] {
		if !strings.EqualFold(a, s.noticeTo[0]) {
			return ""
		}
	}
	return s.noticeTo[0]
}

// joinSplitAddresses joins an address that a line break split after its '@' ("<a@" then
// "  example.org>: 550 No such user") by taking out the break and the next line's indent; text
// itself when no address is split.
func joinSplitAddresses(text string) string {
	var b strings.Builder
	done := 0
	for from := 0; ; {
		i := strings.Index(text[from:], "@\n")
		if i < 0 {
			break
		}
		at := from + i
		from = at + 2
		if at == 0 || !isLocalPartByte(text[at-1]) {
			continue
		}
		next := from
		for next < len(text) && (text[next] == ' ' || text[next] == '\t') {
			next++
		}
		if next == from || next == len(text) || !isDomainStartByte(text[next]) {
			continue // an address is indented on its next line; a line that starts at once is new
		}
		b.WriteString(text[done : at+1])
		done = next
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// mayBeGuessed tells an address met in passing that may be guessed to be the failed recipient:
// none of the notice's own (mayBeRecipient), no help desk's, none in a link, none at the
// reporting host's own domain (which writes "contact registrar@example.edu"), no list robot's.
func (s *recipientSearch) mayBeGuessed(line string, sp addrSpan) bool {
	if !s.mayBeRecipient(sp.addr) || isContactAddress(sp.addr) || inURL(line, sp) || isListRobot(localPart(sp.addr)) {
		return false
	}
	_, domain, _ := strings.Cut(toLower(sp.addr), "@")
	return domain != s.reportingDomain()
}

// reportingDomain is the domain of the notice's own From, in lower case.
func (s *recipientSearch) reportingDomain() string {
	_, domain, _ := strings.Cut(toLower(firstAddress(s.p.c.top.get("from"))), "@")
	return domain
}

// guess returns the address met in passing that may be the failed recipient: the only one the
// text mentions (each as often as it likes); "" when there are none, or several, among which
// the first would be a coin toss.
func (s *recipientSearch) guess() string {
	if len(s.weak) == 0 {
		return ""
	}
	for _, a := range s.weak[1:] {
		if !strings.EqualFold(a, s.weak[0]) {
			return ""
		}
	}
	return s.weak[0]
}

// quotedHeaderFields are the header fields of a returned message, pasted or quoted in a notice
// without a marker: an address on such a line ("To: news@lists.example.org") says who the
// message was written to, not who refused it.
var quotedHeaderFields = []string{"to", "cc", "bcc", "from", "sender", "reply-to", "errors-to", "return-path",
	"received", "message-id", "in-reply-to", "references", "delivered-to", "x-original-to", "envelope-to",
	"resent-to", "resent-from", "resent-sender", "list-id", "list-post", "list-owner", "list-help",
	"list-subscribe", "list-unsubscribe", "x-sender", "x-envelope-from", "x-envelope-to"}

// isQuotedHeaderLine tells a line of a quoted message ("> To: ...") or one of the header fields
// of a pasted one, or a continuation line of a Received field ("  for <a@example.org>; ...").
func isQuotedHeaderLine(line string) bool {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, ">") && !strings.HasPrefix(t, ">>>") {
		return true // quoted, not a session transcript's command
	}
	name, _, ok := strings.Cut(t, ":")
	if !ok || strings.ContainsAny(name, " \t") {
		return strings.HasPrefix(asciiLower(t), "for <") // a Received field's continuation
	}
	name = asciiLower(name)
	for _, f := range quotedHeaderFields {
		if name == f {
			return true
		}
	}
	return false
}

// inURL tells whether the address at sp sits in a link ("https://example.org/help?user=a@example.org"):
// part of an address, not one.
func inURL(line string, sp addrSpan) bool {
	start := strings.LastIndexAny(line[:sp.start], " \t<(\"'") + 1
	local, _, _ := strings.Cut(line[sp.start:sp.end], "@")
	return strings.Contains(line[start:sp.end], "://") || strings.ContainsAny(local, "?&/")
}

// failedAddressHeadings end the line (or two lines) under which a known MTA lists the
// addresses it failed to deliver to (lower case, without the final ':' or '.').
var failedAddressHeadings = phraseList("failed-address-headings")

// isFailedAddressHeading tells whether line, or prev and line together (a heading wrapped over
// two lines), ends with one of failedAddressHeadings, in any case, at a word's start. It
// allocates nothing: it runs on every line of a text bounce.
func isFailedAddressHeading(prev, line string) bool {
	t := strings.TrimRight(strings.TrimSpace(line), " -:.")
	if t == "" {
		return false
	}
	pt := strings.TrimSpace(prev)
	for _, h := range failedAddressHeadings {
		if len(t) >= len(h) {
			if rest := len(t) - len(h); strings.EqualFold(t[rest:], h) && (rest == 0 || t[rest-1] == ' ' || t[rest-1] == '-') {
				return true
			}
			continue
		}
		// The heading's head ends prev, its tail (after a space) is all of line.
		head := len(h) - len(t) - 1
		if h[head] != ' ' || !strings.EqualFold(h[head+1:], t) || len(pt) < head {
			continue
		}
		if rest := len(pt) - head; strings.EqualFold(pt[rest:], h[:head]) && (rest == 0 || pt[rest-1] == ' ' || pt[rest-1] == '-') {
			return true
		}
	}
	return false
}

// startsWithAddress tells whether a line starts with its first address ("a@example.org:",
// "  <a@example.org>: host ... said").
func startsWithAddress(line string) bool {
	spans := findAddresses(line)
	return len(spans) > 0 && strings.Trim(line[:spans[0].start], " \t<") == ""
}

// fromSubject takes the one address of a bounce subject ("Undeliverable mail:
// a@example.org"), when the text named none: the subject is the notice's line for it.
func (s *recipientSearch) fromSubject() {
	s.fromSubjectWords(true)
}

// fromSubjectWords takes the one address of the subject: as the notice's line for it
// (labelled-line) when the subject has a bounce's words (known), else as a guess when it has none.
func (s *recipientSearch) fromSubjectWords(known bool) {
	subject := s.p.c.top.decoded("subject")
	if containsAny(toLower(subject), bounceSubjects) != known {
		return
	}
	spans := findAddresses(subject)
	if len(spans) == 1 && !inURL(subject, spans[0]) && s.mayBeRecipient(spans[0].addr) {
		evidence := EvidenceLabelledLine
		if !known {
			evidence = EvidenceGuess
		}
		s.add(spans[0].addr, evidence)
	}
}

// fromVERP takes the address the mail was sent to, which the VERP return path the bounce came
// back to encodes.
func (s *recipientSearch) fromVERP() {
	p := s.p
	for _, t := range p.opts.VERP {
		for _, a := range []string{p.opts.EnvelopeRecipient, firstAddress(p.c.top.get("x-original-to")), firstAddress(p.c.top.get("delivered-to")), firstAddress(p.c.top.get("to"))} {
			if d, ok := t.Decode(a); ok && d.Recipient != "" {
				s.add(normalizeAddress(d.Recipient), EvidenceVERP)
			}
		}
	}
}

// completeFromText adds to a text bounce's recipient what the text says beside its own
// paragraph: the error lines anywhere in the text, when it is the only recipient (only); the
// one unusable delivery-status record; the user's status prefixes.
func (p *interpreter) completeFromText(r *Recipient, only bool) {
	if only && r.Diagnostic != "" && !hasCodes(r.Diagnostic) && !explainsFailure(r.Diagnostic) {
		// "Reason: The name was not found in the post office directory." above "Original
		// Recipient: a@example.org", or a heading that gives the reason for the list below it.
		if above := p.reasonAbove(r.Address); above != "" {
			r.Diagnostic = above + " " + r.Diagnostic
		}
	}
	if only && !hasCodes(r.Diagnostic) && !p.senderNamed {
		// The codes found anywhere in the text are this recipient's only when it is the only one,
		// and the notice spoke of none of the sender's addresses, whose codes they may be
		// ("news-owner@lists.example.org ... 452 4.2.2 Mailbox full" above the subscriber).
		e := errorLines(p.text)
		if r.Diagnostic == "" && len(p.mentions(r.Address)) == 0 {
			// Nothing names the recipient (its address came from the returned message): the
			// paragraph of the first error line says what happened ("'Ivy Moreno' on <date>
			// Could not deliver the message in the time limit specified. <host #4.4.7>").
			e = errorParagraph(p.text)
		}
		if e != "" {
			if r.Diagnostic == "" || !strings.Contains(r.Diagnostic, e) {
				r.Diagnostic = strings.TrimSpace(r.Diagnostic + " " + e)
			}
			// The class digit complete derived from the action when it found no code gives way
			// to the remote's code of the other class too ("452 4.3.1 Insufficient system
			// resources" in a notice that says the mail could not be sent).
			if s := findStatus(e); s != "" && (betterStatus(s, r.Status) || causeStatus(s, r.Status)) {
				r.Status = s
			}
			if r.ReplyCode == "" {
				r.ReplyCode = findReplyCode(e)
			}
		}
	}
	if r.Diagnostic == "" {
		r.Diagnostic = firstLines(p.text, 6)
		r.vagueDiagnostic = true
	} else if onlyHeadsAddress(r.Diagnostic, r.Address) {
		r.vagueDiagnostic = true
	}
	if len(p.orphans) == 1 && only {
		// The one delivery-status record whose address was unusable speaks of this recipient.
		o := p.orphans[0]
		if st := findStatus(o.get("status")); st != "" && betterStatus(st, r.Status) {
			r.Status = st
		}
		if r.RemoteMTA == "" {
			r.RemoteMTA = typedValueOnly(o.get("remote-mta"))
		}
	}
	if st, line := p.prefixedStatus(); st != "" && betterStatus(st, r.Status) {
		r.Status = st
		r.Diagnostic = strings.TrimSpace(r.Diagnostic + " " + line)
	}
}

// onlyHeadsAddress tells whether a diagnostic is only a heading and the address it lists ("Did
// not reach the following recipient: a@example.org"): it names the recipient and says nothing of
// what happened to it, no more than the opening lines of the notice do. The heading's words are
// still read by the rules ("User unknown: a@example.org" is an unknown user): this only decides
// between onhold and undefined when no rule knows them (see Classify).
func onlyHeadsAddress(diagnostic, addr string) bool {
	d := strings.TrimSpace(diagnostic)
	lower := asciiLower(d)
	i := strings.LastIndex(lower, asciiLower(addr))
	if i < 0 || hasCodes(d) || strings.Trim(d[i+len(addr):], " \t<>.") != "" {
		return false // the address is not last: words follow it
	}
	heading := strings.TrimRight(d[:i], " \t<*")
	return strings.HasSuffix(heading, ":")
}

// lineEvidence tells how a line names its recipient: a session transcript's entry or command
// for it ("550 <a@example.org>... User unknown", "RCPT TO:<a@example.org>"), or a label.
func lineEvidence(line string) Evidence {
	if transcriptEntry(line) != "" || strings.Contains(asciiLower(line), "rcpt to") {
		return EvidenceTranscriptRcpt
	}
	return EvidenceLabelledLine
}

// userPrefixMatches tells whether a line starts with one of the user's recipient prefixes: the
// user knows this kind of notice to be a bounce.
func (p *interpreter) userPrefixMatches() bool {
	if p.opts.Rules == nil {
		return false
	}
	for _, prefix := range p.opts.Rules.RecipientPrefixes() {
		for _, line := range strings.Split(p.lower, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), toLower(prefix)) {
				return true
			}
		}
	}
	return false
}

// prefixedStatus reads the status from a line that starts with one of the user's status
// prefixes ("Statut :"), returning the code and the line.
func (p *interpreter) prefixedStatus() (string, string) {
	if p.opts.Rules == nil {
		return "", ""
	}
	for _, prefix := range p.opts.Rules.StatusPrefixes() {
		for _, line := range strings.Split(p.text, "\n") {
			t := strings.TrimSpace(line)
			if len(t) > len(prefix) && strings.EqualFold(t[:len(prefix)], prefix) {
				if st := findStatus(t[len(prefix):]); st != "" {
					return st, t
				}
			}
		}
	}
	return "", ""
}

// firstLines returns up to n non-blank lines of text, joined.
func firstLines(text string, n int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			out = append(out, t)
			if len(out) == n {
				break
			}
		}
	}
	return strings.Join(out, " ")
}

// explainsFailure tells whether a rule of the built-in table recognises what text says.
func explainsFailure(text string) bool {
	r, _ := builtin.match(matchInput{text: foldCase(text)})
	return r != ""
}

// reasonAbove returns the nearest of the three paragraphs above the line that first names addr
// that a rule recognises as the reason of a failure, else "" (also when a paragraph with codes
// comes first: completeFromText reads those lines): the notice explains first, then
// lists the address ("Host lost.example.net not found", then "The following recipients did not
// receive this message:" above the address).
func (p *interpreter) reasonAbove(addr string) string {
	at := p.mentions(addr)
	if len(at) == 0 {
		return ""
	}
	above := p.text[:strings.LastIndexByte(p.text[:at[0]], '\n')+1]
	for range 3 {
		above = strings.TrimRight(above, " \t\n")
		if above == "" {
			break
		}
		para := paragraphAbove(above + "\n")
		if hasCodes(para) {
			return "" // its codes are the error lines completeFromText reads anyway
		}
		if para != "" && explainsFailure(para) {
			return para
		}
		if i := strings.LastIndex(above, "\n\n"); i >= 0 {
			above = above[:i+1]
		} else {
			break
		}
	}
	return ""
}

// errorParagraph returns the paragraph of the first line of text that carries an SMTP reply or
// status code, on one line: the lines around it up to a blank line or a section rule
// ("----- Transcript of session follows -----"); "" when no line carries one.
func errorParagraph(text string) string {
	lines := strings.Split(text, "\n")
	isEdge := func(t string) bool {
		return t == "" || strings.HasPrefix(t, "---") || strings.HasPrefix(t, "===")
	}
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" || findStatus(t) == "" && !(len(t) > 3 && replyCodeAt(t, 0)) {
			continue
		}
		start, end := i, i+1
		for start > 0 && !isEdge(strings.TrimSpace(lines[start-1])) {
			start--
		}
		for end < len(lines) && !isEdge(strings.TrimSpace(lines[end])) {
			end++
		}
		return strings.Join(strings.Fields(strings.Join(lines[start:end], " ")), " ")
	}
	return ""
}

// errorLines returns the lines of text that carry an SMTP reply or status code.
func errorLines(text string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if findStatus(t) != "" || len(t) > 3 && replyCodeAt(t, 0) {
			out = append(out, t)
			if len(out) >= 6 {
				break
			}
		}
	}
	return strings.Join(out, " ")
}

var delayPhrases = phraseList("delay-phrases")

var delayPhraseSet = lazyPhraseSet(delayPhrases)

// retryPhrases say, whatever else the notice says, that delivery goes on (lower case).
var retryPhrases = phraseList("retry-phrases")

var retryPhraseSet = lazyPhraseSet(retryPhrases)

// finalPhrases say that delivery was given up (lower case).
var finalPhrases = phraseList("final-phrases")

// successPhrases say that a text notice reports a delivery (lower case).
var successPhrases = phraseList("success-phrases")

// looksDelivered tells a text notice that reports a delivery ("Your message has been delivered
// to the following recipients", a subject "Delivered: ..."), with no words of a failure.
func (p *interpreter) looksDelivered() bool {
	subject := toLower(p.c.top.decoded("subject"))
	if !strings.HasPrefix(subject, "delivered:") && !containsAny(subject, successPhrases) && !p.lowerContainsAny(successPhrases) {
		return false
	}
	return !p.lowerContainsAny(failureWords) && !p.lowerContainsAny(finalPhrases) && !p.lowerContainsAny(delayPhrases)
}

// failureWords are words of a failure that a success notice never has (lower case).
var failureWords = phraseList("failure-words")

func (p *interpreter) looksDelayed() bool {
	subject := toLower(p.c.top.decoded("subject"))
	if retryPhraseSet().in(subject) || p.lowerContainsAny(retryPhrases) {
		return !p.statesFinal()
	}
	if !delayPhraseSet().in(subject) && !p.lowerContainsAny(delayPhrases) {
		return false
	}
	return !p.statesFinal() && !p.lowerContains("could not be delivered")
}

// conditionalWords open a clause that speaks of what may happen, not of what did (lower case).
var conditionalWords = phraseList("conditional-words")

// statesFinal tells whether the notice says that delivery was given up: one of finalPhrases
// outside a clause that only says when the sender will hear of it ("You will be notified if
// delivery fails permanently", in Gmail's and others' delay warnings).
func (p *interpreter) statesFinal() bool {
	if !p.lowerContainsAny(finalPhrases) {
		return false
	}
	text := p.lower
	for _, phrase := range finalPhrases {
		for from := 0; from < len(text); {
			i := indexPhrase(text[from:], phrase)
			if i < 0 {
				break
			}
			i += from
			if !inConditional(text, i) {
				return true
			}
			from = i + len(phrase)
		}
	}
	return false
}

// inConditional tells whether byte i of text sits in a sentence (ended by '.', '!', '?' or a
// blank line) whose words before it include one of conditionalWords ("..., you will be notified if delivery fails permanently").
func inConditional(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], ".!?") + 1
	if blank := strings.LastIndex(text[:i], "\n\n"); blank >= start {
		start = blank + 2
	}
	before := " " + strings.Join(strings.Fields(text[start:i]), " ") + " "
	for _, w := range conditionalWords {
		if strings.Contains(before, " "+w+" ") {
			return true
		}
	}
	return false
}
