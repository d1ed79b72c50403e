package dsn

import "strings"

// jamesReader reads the notices of Apache James's Bounce and NotifySender mailets (their
// common AbstractNotify layout): the administrator's message, the error under "Error message
// below:", and the returned message's envelope under "Message details:", where the failed
// recipients are the RCPT TO, one a line:
//
//	Error: Invalid user address
//	Error message below:
//	550 - Requested action not taken: no such user here
//	Message details:
//	  Subject: Spring news
//	  MAIL FROM: bounces@news.example.org
//	  RCPT TO: jane@example.com
//	           bob@example.com
//	  From: news@example.org
//	  To: list@news.example.org
//
// Only the RCPT TO lines name recipients: the From, To and CC lines under them are the returned
// message's header. The error is the diagnostic of each. A James mailet works on mail that
// James had already accepted (its default configuration sends an unknown local user to the
// Bounce mailet with the notice "550 - Requested action not taken: no such user here"), so
// the refusal it reports came after the message's DATA: see filteredUnknown.
var jamesReader = reader{
	name:   jamesName,
	stage:  stageText,
	order:  30,
	detect: func(p *interpreter) bool { return p.lowerContains(jamesErrorMarker) && jamesParts(p.lower) != nil },
	read:   (*interpreter).jamesNotice,
}

func init() { register(jamesReader) }

// jamesName names the format, in the report's mta and in afterAcceptanceMTAs.
const jamesName = "apachejames"

// The markers of AbstractNotify's notice (lower case).
const (
	jamesErrorMarker   = "error message below:"
	jamesDetailsMarker = "message details:"
	jamesRcptLabel     = "rcpt to:"
)

// jamesLayout holds the offsets of a James notice's parts in its text.
type jamesLayout struct {
	errorAt, detailsAt, rcptAt int
}

// jamesParts finds the error, the details and the RCPT TO line, in that order, or returns nil.
func jamesParts(lower string) *jamesLayout {
	e := strings.Index(lower, jamesErrorMarker)
	if e < 0 {
		return nil
	}
	d := strings.Index(lower[e:], jamesDetailsMarker)
	if d < 0 {
		return nil
	}
	d += e
	r := strings.Index(lower[d:], "\n  "+jamesRcptLabel)
	if r < 0 {
		r = strings.Index(lower[d:], "\n"+jamesRcptLabel)
	}
	if r < 0 {
		return nil
	}
	return &jamesLayout{errorAt: e, detailsAt: d, rcptAt: d + r + 1}
}

// jamesNotice reads the recipients and the error of a James notice.
func (p *interpreter) jamesNotice() {
	at := jamesParts(p.lower)
	diagnostic := strings.Join(strings.Fields(p.text[at.errorAt+len(jamesErrorMarker):at.detailsAt]), " ")
	for _, addr := range jamesRecipients(p.text[at.rcptAt:]) {
		r := Recipient{Address: addr, Action: ActionFailed, Diagnostic: diagnostic, Evidence: EvidenceLabelledLine}
		// The codes are the error's alone: the envelope under it is no session transcript.
		completeStatus(&r, diagnostic)
		p.completeReplyCode(&r, diagnostic)
		completeAction(&r)
		p.rep.Recipients = append(p.rep.Recipients, r)
	}
	if len(p.rep.Recipients) > 0 {
		p.rep.MTA = jamesName
		if !p.c.hasOriginal {
			jamesOriginal(&p.rep.Original, p.text[at.detailsAt:])
		}
	}
}

// jamesOriginal fills what the details tell of the returned message when the notice carries no
// copy of it: its subject, date, sender and envelope sender (MAIL FROM, where a VERP address
// is).
func jamesOriginal(o *Original, details string) {
	for _, line := range strings.Split(details, "\n")[1:] {
		if strings.TrimSpace(line) == "" {
			break // the end of the details
		}
		label, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch toLower(label) {
		case "subject":
			o.Subject = value
		case "sent date":
			o.Date = value
		case "mail from":
			o.ReturnPath = firstAddress(value)
		case "from":
			o.From = firstAddress(value)
		case "to":
			o.To = firstAddress(value)
		}
	}
}

// jamesRecipients reads the addresses of the RCPT TO line that opens details and of the
// indented lines that continue it, up to the next labelled line ("From:", "Size (in bytes):").
func jamesRecipients(details string) []string {
	var addrs []string
	for i, line := range strings.Split(details, "\n") {
		line = strings.TrimSpace(line)
		if i == 0 {
			line = strings.TrimSpace(line[len(jamesRcptLabel):])
		} else if line == "" || strings.Contains(line, ": ") || strings.HasSuffix(line, ":") {
			break
		}
		for _, field := range strings.FieldsFunc(line, func(c rune) bool { return c == ',' || c == ' ' }) {
			if addr := normalizeAddress(strings.Trim(field, "<>")); validAddress(addr) {
				addrs = append(addrs, addr)
			}
		}
	}
	return addrs
}
