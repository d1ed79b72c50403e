package dsn

import (
	"strings"
)

// fillOriginal sets the original message's identity and its campaign.
func (p *interpreter) fillOriginal() {
	o := &p.rep.Original
	h := p.c.original
	if p.c.hasOriginal {
		o.MessageID = strings.Trim(h.get("message-id"), "<> ")
		o.From = firstAddress(h.get("from"))
		o.To = firstAddress(h.get("to"))
		o.Subject = h.decoded("subject")
		o.Date = h.get("date")
		o.ReturnPath = firstAddress(h.get("return-path"))
	}
	// Without a copy of the original, a notice that answers it (In-Reply-To) still names it.
	if o.MessageID == "" {
		o.MessageID = p.originalID
	}
	if o.MessageID == "" {
		o.MessageID = firstMessageID(p.c.top.get("in-reply-to"))
	}
	names := p.opts.CampaignHeaders
	if len(names) == 0 {
		names = DefaultCampaignHeaders
	}
	for _, n := range names {
		if v := h.getAnyCase(n); v != "" {
			o.Campaign = v
			break
		}
	}
	for _, n := range SubscriberHeaders {
		if v := h.getAnyCase(n); v != "" {
			o.Subscriber = v
			break
		}
	}
	// The return path of the original, or the address the bounce came back to.
	paths := []string{p.opts.EnvelopeRecipient, o.ReturnPath}
	for _, k := range []string{"x-original-to", "delivered-to", "to", "envelope-to"} {
		paths = append(paths, firstAddress(p.c.top.get(k)))
	}
	for _, t := range p.opts.VERP {
		for _, path := range paths {
			if path == "" {
				continue
			}
			d, ok := t.Decode(path)
			if !ok {
				continue
			}
			if o.Campaign == "" {
				o.Campaign = d.Campaign
			}
			if o.To == "" {
				o.To = d.Recipient
			}
			break
		}
	}
	if o.Campaign == "" && p.opts.MessageIDPattern != nil && o.MessageID != "" {
		re := p.opts.MessageIDPattern
		if m := re.FindStringSubmatch(o.MessageID); m != nil {
			idx := re.SubexpIndex("campaign")
			if idx < 0 && len(m) > 1 {
				idx = 1
			}
			if idx > 0 {
				o.Campaign = m[idx]
			}
		}
	}
}

// firstMessageID returns the first <id> of a header value such as In-Reply-To, without brackets.
func firstMessageID(v string) string {
	i := strings.IndexByte(v, '<')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(v[i:], '>')
	if j < 0 {
		return ""
	}
	id := strings.TrimSpace(v[i+1 : i+j])
	if !strings.Contains(id, "@") {
		return ""
	}
	return id
}

// mtaSignatures name the software that wrote a bounce from a phrase of its header or text (lower
// case), checked in order.
var mtaSignatures = []struct {
	name, where, phrase string
}{
	{"googlegroups", "failed", "@googlegroups.com"},
	{"activehunter", "anyheader", "active!hunter"},
	{"mailfoundry", "anyheader", "(mailfoundry)"},
	{"mfilter", "anyheader", "m-filter"},
	{"surfcontrol", "anyheader", "surfcontrol"},
	{"mcafee", "anyheader", "mcafee"},
	{"postfix", "status", "x-postfix"},
	{"postfix", "text", "this is the mail system at host"},
	{"postfix", "text", "(in reply to rcpt to command)"},
	// Gmail's notices carry X-Failed-Recipients too.
	{"gmail", "from", "googlemail.com"},
	{"gmail", "from", "google.com"},
	// chasquid writes Exim's subject and X-Failed-Recipients, and names its notices by their
	// Message-ID ("<chasquid-dsn-...@example.org>").
	{"chasquid", "anyheader", "<chasquid-dsn-"},
	{"exim", "header", "x-failed-recipients"},
	{"exim", "text", "this message was created automatically by mail delivery software"},
	{"qmail", "text", "this is the qmail-send program"},
	{"qmail", "text", "qmail-send"},
	{"sendmail", "text", "----- transcript of session follows -----"},
	{"sendmail", "text", "the original message was received at"},
	{"exchange", "header", "x-ms-exchange"},
	{"exchange", "text", "microsoft exchange"},
	{"exchange", "text", "diagnostic information for administrators"},
	{"domino", "text", "not listed in domino directory"},
	{"hmailserver", "text", "hmailserver"},
	{"mdaemon", "from", "mdaemon"},
	{"office365", "text", "office 365"},
	{"yahoo", "from", "yahoo"},
	{"amazonses", "header", "x-ses-outgoing"},
	{"amazonses", "from", "amazonses.com"},
	{"domino", "text", "lotus domino"},
	{"notes", "text", "lotus notes"},
	{"courier", "text", "courier mail server"},
	{"opensmtpd", "text", "opensmtpd"},
	{"opensmtpd", "text", "this is the mailer-daemon, please do not reply to this"},
	{"dragonfly", "text", "dragonfly"},
}

// detectMTA names the format of a bounce for the report. lowTriples are the byte triples of
// lowText (nil: unknown).
func detectMTA(top header, lowText string, lowTriples *textTriples, hasStatus bool) string {
	from := strings.ToLower(top.get("from"))
	var values string // every header value in lower case, made when first needed
	for _, s := range mtaSignatures {
		var hit bool
		switch s.where {
		case "text":
			hit = lowTriples.mayContain(s.phrase) && strings.Contains(lowText, s.phrase)
		case "from":
			hit = strings.Contains(from, s.phrase)
		case "anyheader":
			if values == "" {
				values = lowerValues(top)
			}
			hit = strings.Contains(values, s.phrase)
		case "failed":
			hit = strings.Contains(strings.ToLower(top.get("x-failed-recipients")), s.phrase)
		case "header":
			hit = top.has(s.phrase) || hasHeaderPrefix(top, s.phrase)
		}
		if hit {
			return s.name
		}
	}
	if hasStatus {
		return "rfc3464"
	}
	return "text"
}

// lowerValues returns the values of the header's fields in lower case (ASCII), a line each.
func lowerValues(h header) string {
	n := 0
	for _, f := range h {
		n += len(f.value) + 1
	}
	b := make([]byte, 0, n)
	for _, f := range h {
		b = append(b, f.value...)
		b = append(b, '\n')
	}
	lowerASCIIBytes(b)
	return bytesToString(b)
}

func hasHeaderPrefix(h header, prefix string) bool {
	for _, f := range h {
		if strings.HasPrefix(f.key, prefix) {
			return true
		}
	}
	return false
}
