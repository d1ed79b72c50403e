package dsn

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// ErrNotMessage is returned for input that is not a mail message at all.
var ErrNotMessage = errors.New("input is not a mail message")

// ErrStatusTooLarge is returned for a delivery status notification whose delivery-status part
// is larger than the parser keeps (maxStatusBlob, 1 MB: some 8,000 recipients). Reading only the
// start would report some recipients, one of them perhaps half-read, and drop the others
// without a word: the message is refused whole instead (rebound pipe exits 75, so that the MTA
// keeps it; a scan leaves it in its folder).
var ErrStatusTooLarge = fmt.Errorf("delivery-status part larger than %d MB: too many recipients to report them all; message not parsed", maxStatusBlob>>20)

// Parse reads one message from r and reports what it says. It reads r to its end, keeping only
// bounded parts of it in memory. opts may be nil.
func Parse(r io.Reader, opts *Options) (*Report, error) {
	if opts == nil {
		opts = &Options{}
	}
	c, err := collect(r)
	if err != nil {
		return nil, err
	}
	p := newInterpreter(c, opts)
	p.readMessage()
	p.finish()
	releaseTriples(p.lowerTriples) // the report keeps nothing of the interpreter
	if len(p.rep.Recipients) == 0 {
		if c.attached == nil {
			// A mail system's notice pasted inline (LISTSERV's error report to the list's
			// owner) is read apart too.
			text := bytesToString(c.text)
			c.attached = pastedBounce(text, asciiLower(text))
		}
		if c.attached != nil {
			return readAttached(p.rep, c.attached, opts), nil
		}
	}
	return p.rep, nil
}

// readAttached reads the mail system's notice attached to a message that named no recipient
// itself (a list manager's wrapper, an owner's forward, a double bounce whose outer notice names
// only the list's robot): when the notice names recipients, its report is the message's, under
// the message's own Message-ID, date, sender and subject; else the message's report stands.
func readAttached(outer *Report, attached *collected, opts *Options) *Report {
	p := newInterpreter(attached, opts)
	p.readMessage()
	p.finish()
	releaseTriples(p.lowerTriples)
	rep := p.rep
	if len(rep.Recipients) == 0 {
		return outer
	}
	rep.MessageID, rep.Date, rep.From, rep.Subject = outer.MessageID, outer.Date, outer.From, outer.Subject
	return rep
}

// collect walks the message read from r and returns what the readers look at.
func collect(r io.Reader) (*collected, error) {
	lr := newLineReader(r)
	defer lr.release()
	skipBlankLines(lr) // a message saved with blank lines above its header
	top, n := headerReader{lr: lr}.read(false)
	if lr.err != nil {
		return nil, fmt.Errorf("reading message: %w", lr.err)
	}
	if n == 0 {
		for _, _, ok := lr.next(); ok; _, _, ok = lr.next() {
		}
		return nil, ErrNotMessage
	}
	c := &collected{top: top}
	w := &walker{lr: lr, c: c}
	w.entity(top, 0, false)
	for _, _, ok := lr.next(); ok; _, _, ok = lr.next() {
	}
	if lr.err != nil {
		return nil, fmt.Errorf("reading message: %w", lr.err)
	}
	if c.statusCut {
		return nil, ErrStatusTooLarge
	}
	return c, nil
}

// skipBlankLines reads past the empty or white-space lines at the start of a message.
func skipBlankLines(lr *lineReader) {
	for {
		line, _, ok := lr.next()
		if !ok {
			return
		}
		if len(bytes.TrimSpace(line)) > 0 {
			lr.unread(line)
			return
		}
	}
}

// newInterpreter prepares what the walk collected for the readers: the text without any inline
// copy of the original, the original found inline, Final-Recipient fields found in the text.
func newInterpreter(c *collected, opts *Options) *interpreter {
	top := c.top
	rep := &Report{
		MessageID: strings.Trim(top.get("message-id"), "<> "),
		Date:      top.get("date"),
		From:      firstAddress(top.get("from")),
		Subject:   top.decoded("subject"),
	}
	// The text is the collected bytes themselves, not a copy: nothing writes them after the walk.
	text := unquoteForwarded(bytesToString(c.text))
	lowerText := asciiLower(text)
	cut, inlineOriginal := splitOriginal(text, lowerText)
	body, lower := text[:cut], lowerText[:cut]
	if joined := joinSplitAddresses(body); len(joined) != len(body) {
		body, lower = joined, asciiLower(joined)
	}
	if !c.hasOriginal && len(inlineOriginal) > 0 {
		c.original, c.hasOriginal = inlineOriginal, true
	}
	if len(c.statusBlobs) == 0 && strings.Contains(lower, "final-recipient:") {
		if fields := statusFieldsInText(body); fields != nil {
			c.statusBlobs = [][]byte{fields}
		}
	}
	if !c.hasOriginal && top.get("x-hmxmroriginalrecipient") != "" {
		// A message reported to Microsoft's JMRP, delivered itself with the complaint's mark:
		// it is its own original.
		c.original, c.hasOriginal = top, true
	}
	return &interpreter{c: c, opts: opts, rep: rep, text: body, lower: lower, lowerTriples: triplesOfText(lower)}
}

// pastedBounce finds a mail system's notice pasted in text with its own header (a block of
// header fields after a blank line, a rule or a title between rules, whose From is a mail
// system and whose To a list's robot: see attachedBounce) and returns it collected apart, its
// text what follows that header; nil when there is none. lower is text in lower case.
func pastedBounce(text, lower string) *collected {
	tries := 0
	for from := 0; from < len(lower) && tries < 4; {
		i := -1
		for _, f := range []string{"\nreceived: ", "\nfrom: ", "\nreturn-path: "} {
			if k := indexPhrase(lower[from:], f); k >= 0 && (i < 0 || from+k < i) {
				i = from + k
			}
		}
		if i < 0 {
			return nil
		}
		above := strings.TrimSpace(lower[strings.LastIndexByte(lower[:i], '\n')+1 : i])
		start := i + 1
		from = start
		if above != "" && strings.Trim(above, "-=_* ") != "" && !isRuledTitle(above) {
			continue // a field inside a block, or a line of prose: not a block's start
		}
		tries++
		if h := parseHeaderBytes([]byte(text[start:])); attachedBounce(h) {
			return &collected{top: h, text: []byte(bodyAfterHeader(text[start:]))}
		}
	}
	return nil
}

// bodyAfterHeader returns what follows the first header block of text (lines "Name: value" and
// their continuations, up to a blank line), skipping the lines above it (a marker, a rule);
// "" when there is no header block.
func bodyAfterHeader(text string) string {
	inHeader := false
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimRight(line, "\r")
		switch {
		case inHeader && strings.TrimSpace(t) == "":
			return rest
		case inHeader:
			continue
		case isHeaderFieldLine(t):
			inHeader = true
		}
	}
	return ""
}

// isHeaderFieldLine tells a line that starts a header field: a name of letters, digits and
// dashes, then ':'.
func isHeaderFieldLine(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	for _, c := range []byte(line[:i]) {
		if !isAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}

// trimLeftBlanks is strings.TrimLeft(s, " \t\r") without making the set of the three bytes at
// each call (it runs for every line of every message).
func trimLeftBlanks(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
		s = s[1:]
	}
	return s
}

// unquoteForwarded removes one level of "> " quoting from a text that is mostly quoted: a bounce
// someone forwarded inline to the bounce address. Sendmail transcripts (">>> RCPT TO") keep
// their own marks, less one.
func unquoteForwarded(text string) string {
	nonBlank, quoted := 0, 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		t := trimLeftBlanks(line)
		if t == "" {
			continue
		}
		nonBlank++
		if t[0] == '>' {
			quoted++
		}
	}
	if quoted < 5 || quoted*3 < nonBlank*2 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if t := strings.TrimLeft(line, " \t"); strings.HasPrefix(t, ">") {
			t = t[1:]
			if strings.HasPrefix(t, " ") {
				t = t[1:]
			}
			lines[i] = t
		}
	}
	return strings.Join(lines, "\n")
}

type interpreter struct {
	c     *collected
	opts  *Options
	rep   *Report
	text  string // the human-readable text, without any inline copy of the original
	lower string // text in lower case

	lowerTriples *textTriples // the byte triples of lower, to rule phrases out before searching

	orphans      []*statusRecord // delivery-status records without a usable recipient address
	oneRecipient bool            // the delivery-status part has a single recipient record
	// senderNamed: a text bounce's finders also named one of the sender's own addresses as
	// failed, and left it out (recipientSearch.addCandidate).
	senderNamed bool
	originalID  string          // Original-Message-ID of a disposition notification
	sender      map[string]bool // the sender's own addresses, lower case (see senderSide)
	list        map[string]bool // the sending list's posting and robot addresses, lower case (see senderSide)
}

// finish sets the message-level facts that do not depend on the format.
func (p *interpreter) finish() {
	rep := p.rep
	p.fillOriginal()
	if rep.MTA == "" {
		rep.MTA = detectMTA(p.c.top, p.lower, p.lowerTriples, len(p.c.statusBlobs) > 0)
	}
	named := len(rep.Recipients) // the recipients the notice spoke of, the sender's own among them
	p.dropSenderSide()
	if rep.Kind == "" {
		rep.Kind = kindOf(rep.Recipients)
	}
	if rep.Recipients == nil {
		rep.Recipients = []Recipient{}
	}
	for i := range rep.Recipients {
		r := &rep.Recipients[i]
		r.Invalid = !ValidMailbox(r.Address)
		if r.Reason != "" {
			r.Hard = r.Hard && !r.SenderSide // a sender's own address is never hard (dropSenderSide)
			continue
		}
		cl := Classify(ClassifyInput{
			Action: r.Action, Status: r.Status, ReplyCode: r.ReplyCode,
			Diagnostic: r.Diagnostic, Command: r.Command, MTA: rep.MTA, DiagnosticType: r.DiagnosticType,
			Recipient: r.Address, RemoteMTA: r.RemoteMTA, Header: p.c.top.get, Sender: rep.Original.ReturnPath,
			fromTranscript: r.commandFromTranscript, vague: r.vagueDiagnostic,
		}, p.opts.Rules)
		r.Reason, r.Category, r.Hard = cl.Reason, cl.Category, cl.Hard && !r.SenderSide
		if len(rep.Recipients) == 1 && named == 1 && !p.senderNamed {
			// (Not when the notice also spoke of a sender's address left out: its words may be
			// that address's, "552 5.2.2 mailbox full: news-owner@lists.example.org".)
			p.preferTextReason(r)
		}
		if r.Reason == ReasonExpired && r.Action == ActionFailed {
			// The message waited in the queue until the retry period ran out: the recipient was
			// never refused, only unreachable. Reported as "delayed", as Sisimai does, so that
			// applications can tell it from a refusal; the message kind stays "bounce".
			r.Action = ActionDelayed
			rep.Kind = KindBounce
		}
	}
}

// textOverrides are the reasons that the explanation of a one-recipient bounce gives with more
// authority than its codes: the mailbox exists but is full, disabled or moved, or the message was
// too big, while the SMTP reply only said the address was refused.
var textOverrides = map[string]bool{
	"mailboxfull": true, "suspend": true, "hasmoved": true, "mesgtoobig": true, "exceedlimit": true,
}

// overrideRules are the built-in rules that give one of textOverrides, picked out of the table
// the first time a bounce needs them rather than at every start; they are matched through the
// built-in table's own filters and index (matchAmong).
var overrideRules = sync.OnceValue(func() []uint64 {
	if builtin == &generatedBuiltin {
		return generatedOverrides // the same set, made with the table
	}
	return builtin.giving(textOverrides)
})

// preferTextReason lets the human-readable explanation of a one-recipient bounce correct a
// refusal read from its codes ("The user(s) account is disabled." above "550 user unknown").
func (p *interpreter) preferTextReason(r *Recipient) {
	if p.lower != "" && r.Reason == ReasonNotAccept && strings.HasSuffix(r.Status, ".1.10") {
		p.preferUnknownUserOverNullMX(r)
		return
	}
	switch r.Reason {
	case "userunknown", "filtered", "onhold", "undefined", "mailererror":
	default:
		return
	}
	if p.lower == "" {
		return
	}
	if reason := p.openingReason(r, overrideRules()); reason != "" {
		cl := Judge(reason, r.Status, r.ReplyCode)
		r.Reason, r.Category, r.Hard = cl.Reason, cl.Category, cl.Hard
	}
}

// openingReason is the reason the built-in rules of among (nil: all of them) read in the
// opening of a one-recipient notice, where its explanation stands; empty when the user's own
// rules decide the recipient's diagnostic, or nothing matches.
func (p *interpreter) openingReason(r *Recipient, among []uint64) Reason {
	if p.opts.Rules != nil {
		if mine, _ := p.opts.Rules.match(matchInput{text: foldCase(r.Diagnostic), status: r.Status}); mine != "" {
			return "" // the user's own rule decided
		}
	}
	text := p.lower
	if len(text) > 4<<10 {
		text = text[:4<<10] // the explanation opens the notice
	}
	reason, _ := builtin.matchAmong(matchInput{text: foldPunctuation(text), status: r.Status}, among)
	return Reason(reason)
}

// preferUnknownUserOverNullMX reads a one-recipient bounce's X.1.10, which RFC 7505 gives a
// domain with a null MX (notaccept) and Microsoft's Exchange a recipient not found
// (RESOLVER.ADR.RecipientNotFound), as an unknown user when the notice's opening says so
// ("linda.frost wasn't found at example.com." above "Status code: 550 5.1.10").
func (p *interpreter) preferUnknownUserOverNullMX(r *Recipient) {
	if p.openingReason(r, nil) == ReasonUserUnknown {
		cl := Judge(ReasonUserUnknown, r.Status, r.ReplyCode)
		r.Reason, r.Category, r.Hard = cl.Reason, cl.Category, cl.Hard
	}
}

// kindOf derives the message kind from its recipients' actions.
func kindOf(rs []Recipient) Kind {
	kind := KindNotBounce
	for _, r := range rs {
		switch r.Action {
		case ActionFailed:
			return KindBounce
		case ActionDelayed:
			kind = KindDelay
		case ActionDelivered, ActionRelayed, ActionExpanded:
			if kind == KindNotBounce {
				kind = KindSuccess
			}
		}
	}
	return kind
}
