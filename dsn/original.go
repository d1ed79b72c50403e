package dsn

import (
	"math/bits"
	"strings"
	"sync"
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
	from := toLower(top.get("from"))
	var inValues uint64 // the anyHeaderPhrases found in the header's values, found when first needed
	searched := false
	for _, s := range mtaSignatures {
		var hit bool
		switch s.where {
		case "text":
			hit = lowTriples.mayContain(s.phrase) && containsPhrase(lowText, s.phrase)
		case "from":
			hit = strings.Contains(from, s.phrase)
		case "anyheader":
			if !searched {
				inValues, searched = anyHeaderPhrases().in(top), true
			}
			hit = inValues&anyHeaderPhrases().bit(s.phrase) != 0
		case "failed":
			hit = strings.Contains(toLower(top.get("x-failed-recipients")), s.phrase)
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

// anyHeaderPhrases are the phrases of the mtaSignatures looked for in every value of a header.
var anyHeaderPhrases = sync.OnceValue(func() *phraseScan {
	var phrases []string
	for _, s := range mtaSignatures {
		if s.where == "anyheader" {
			phrases = append(phrases, s.phrase)
		}
	}
	return newPhraseScan(phrases)
})

// phraseScan finds which of a few lower-case phrases (at least two bytes each, at most 64) the
// values of a header contain, ASCII letters in any case: in one pass over the values, without a
// lower-case copy of them. The pass jumps over most bytes, as Wu and Manber's multiple-pattern
// search does: a window as long as the shortest phrase slides along a value, and the pair of
// bytes at its end tells how far it may move before a phrase could end there (shift); where
// none can, the phrases whose two first bytes start the window are compared.
type phraseScan struct {
	phrases []string
	window  int                    // the length of the shortest phrase
	first   [256]uint64            // bit i: phrases[i] starts with this byte (either case)
	second  [256]uint64            // bit i: phrases[i]'s second byte is this one (either case)
	shift   [phraseScanPairs]uint8 // by pairKey of a window's last two bytes, lower case
}

const phraseScanPairs = 1 << 12

// pairKey hashes two lower-case bytes for phraseScan's shift table.
func pairKey(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 20
}

func newPhraseScan(phrases []string) *phraseScan {
	if len(phrases) > 64 {
		panic("dsn: more than 64 phrases in a phraseScan")
	}
	ps := &phraseScan{phrases: phrases, window: 1 << 30}
	for i, p := range phrases {
		if len(p) < 2 || asciiLower(p) != p {
			panic("dsn: phraseScan phrase not lower case or shorter than two bytes: " + p)
		}
		ps.window = min(ps.window, len(p))
		for _, c := range [2]byte{p[0], upperASCII(p[0])} {
			ps.first[c] |= 1 << i
		}
		for _, c := range [2]byte{p[1], upperASCII(p[1])} {
			ps.second[c] |= 1 << i
		}
	}
	ps.window = min(ps.window, 255)
	for k := range ps.shift {
		ps.shift[k] = uint8(ps.window - 1) // a pair in no phrase: the window moves past it
	}
	for _, p := range phrases {
		// A pair that ends at q in a phrase's first window bytes: the window moves until its
		// end is where the phrase's window ends (colliding keys keep the shortest move).
		for q := 1; q < ps.window; q++ {
			k := pairKey(p[q-1], p[q])
			ps.shift[k] = min(ps.shift[k], uint8(ps.window-1-q))
		}
	}
	return ps
}

// bit returns the bit of phrase in the sets that in returns.
func (ps *phraseScan) bit(phrase string) uint64 {
	for i, p := range ps.phrases {
		if p == phrase {
			return 1 << i
		}
	}
	panic("dsn: phrase not in the phraseScan: " + phrase)
}

// in returns the set of the phrases that a value of h contains, ASCII case aside: bit i for
// phrases[i].
func (ps *phraseScan) in(h header) uint64 {
	var found uint64
	for _, f := range h {
		found = ps.inText(f.value, found, false)
	}
	return found
}

// inText adds to found the phrases that v contains, ASCII case aside; with atWordStart, only
// where a word starts (not after a letter or a digit: "mail command" is not in "email
// commands").
func (ps *phraseScan) inText(v string, found uint64, atWordStart bool) uint64 {
	m := ps.window
	for end := m - 1; end < len(v); {
		if d := ps.shift[pairKey(lowerASCII(v[end-1]), lowerASCII(v[end]))]; d > 0 {
			end += int(d)
			continue
		}
		start := end - m + 1
		maybe := ps.first[v[start]] & ps.second[v[start+1]] &^ found
		if atWordStart && start > 0 && isAlnum(v[start-1]) {
			maybe = 0
		}
		for maybe != 0 {
			j := bits.TrailingZeros64(maybe)
			maybe &^= 1 << j
			if hasPrefixFoldASCII(v[start:], ps.phrases[j]) {
				found |= 1 << j
			}
		}
		end++
	}
	return found
}

// lowerASCII returns the lower case of an ASCII upper-case letter, any other byte as it is.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// hasPrefixFoldASCII tells whether s starts with the lower-case lowPrefix, ASCII letters of s in
// any case (lowerASCIIBytes's folding).
func hasPrefixFoldASCII(s, lowPrefix string) bool {
	if len(s) < len(lowPrefix) {
		return false
	}
	for i := 0; i < len(lowPrefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lowPrefix[i] {
			return false
		}
	}
	return true
}

// upperASCII returns the upper case of an ASCII lower-case letter, any other byte as it is.
func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func hasHeaderPrefix(h header, prefix string) bool {
	for _, f := range h {
		if strings.HasPrefix(f.key, prefix) {
			return true
		}
	}
	return false
}
