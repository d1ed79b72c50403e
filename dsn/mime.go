package dsn

import (
	"bytes"
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Limits on what one message may make the parser keep.
const (
	maxDepth       = 16        // MIME nesting followed; deeper parts are skipped
	maxText        = 256 << 10 // human-readable text kept across all parts
	maxStatusBlob  = 1 << 20   // one delivery-status or feedback-report part
	maxStatusParts = 8
)

// looseParams extracts name=value parameters from a Content-Type that mime rejected.
func looseParams(ct string) map[string]string {
	params := map[string]string{}
	for _, p := range strings.Split(ct, ";")[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		k = toLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		v = strings.Trim(v, `"'`)
		if _, seen := params[k]; !seen {
			params[k] = v
		}
	}
	return params
}

// collected is what the MIME walk keeps of a message.
type collected struct {
	top          header
	reportType   string   // report-type of a multipart/report
	statusBlobs  [][]byte // message/delivery-status parts, decoded
	feedbackBlob []byte   // message/feedback-report part
	mdnBlob      []byte   // message/disposition-notification part
	original     header   // headers of the returned message
	hasOriginal  bool
	text         []byte // human-readable text (plain, or HTML stripped), decoded to UTF-8
	htmlOnly     bool
	statusCut    bool // a delivery-status part was larger than maxStatusBlob
	// attached is a mail system's notice attached to this message, collected apart: a bounce
	// of the list's mail that a list manager forwards to its owner, or that came back to the
	// list host as a double bounce (see attachedBounce).
	attached *collected
}

// walker walks a MIME tree on a stream of lines, keeping only what the parser needs.
type walker struct {
	lr    *lineReader
	c     *collected
	stack []string // boundaries of the enclosing multiparts, outermost first
}

// match tells whether line is a boundary of an enclosing multipart: the level in the stack
// (-1 for none) and whether it is a closing boundary.
func (w *walker) match(line []byte) (int, bool) {
	if len(line) < 3 || line[0] != '-' || line[1] != '-' || len(w.stack) == 0 {
		return -1, false
	}
	line = trimRightBlanks(line[2:])
	for i := len(w.stack) - 1; i >= 0; i-- {
		b := w.stack[i]
		if !bytes.HasPrefix(line, []byte(b)) {
			continue
		}
		switch rest := line[len(b):]; {
		case len(rest) == 0:
			return i, false
		case len(rest) == 2 && rest[0] == '-' && rest[1] == '-':
			return i, true
		}
	}
	return -1, false
}

func (w *walker) isBoundary(line []byte) bool { l, _ := w.match(line); return l >= 0 }

func (w *walker) headers() header {
	h, _ := headerReader{lr: w.lr, isBoundary: w.isBoundary}.read(false)
	return h
}

// skip discards lines up to the next boundary of an enclosing multipart.
func (w *walker) skip() (int, bool) {
	for {
		line, start, ok := w.lr.next()
		if !ok {
			return -1, false
		}
		if start {
			if l, c := w.match(line); l >= 0 {
				return l, c
			}
		}
	}
}

// collect keeps up to limit bytes of the lines up to the next boundary. The bytes are the line
// reader's scratch buffer, valid until the next collect: what is kept must be copied (see owned).
func (w *walker) collect(limit int) ([]byte, int, bool) {
	buf, l, c, _ := w.collectAll(limit)
	return buf, l, c
}

// collectAll is collect that also tells whether lines past the limit were dropped.
func (w *walker) collectAll(limit int) (buf []byte, level int, closing, cut bool) {
	buf = w.lr.part[:0]
	defer func() {
		w.lr.part = buf[:0]
		if len(buf) == 0 {
			buf = nil // as when nothing was appended
		}
	}()
	for {
		line, start, ok := w.lr.next()
		if !ok {
			return buf, -1, false, cut
		}
		if start {
			if l, c := w.match(line); l >= 0 {
				return buf, l, c, cut
			}
		}
		if len(buf)+len(line)+1 <= limit {
			buf = append(buf, line...)
			if !w.lr.wasCut {
				buf = append(buf, '\n')
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			cut = true
		}
	}
}

// entity walks the body of an entity whose header is h. It returns the boundary that ended it.
func (w *walker) entity(h header, depth int, inOriginal bool) (int, bool) {
	pt := typeOf(h)
	if strings.HasPrefix(pt.media, "multipart/") && pt.boundary != "" && depth < maxDepth {
		return w.multipart(pt, depth, inOriginal)
	}
	c := w.c
	switch pt.media {
	case "message/rfc822", "message/global", "message/rfc822-headers":
		if pt.encoding == "base64" || pt.encoding == "quoted-printable" {
			raw, l, cl := w.collect(maxHeaderBytes * 2)
			w.setOriginal(parseHeaderBytes(decodeTransfer(raw, pt.encoding)))
			return l, cl
		}
		inner := w.headers()
		if it := typeOf(inner); it.media == "multipart/report" && len(c.statusBlobs) == 0 && !inOriginal && depth < maxDepth {
			// A bounce forwarded as an attachment: the report inside is the one to read.
			return w.multipart(it, depth+1, false)
		}
		w.setOriginal(inner)
		if !inOriginal && c.attached == nil && depth < maxDepth && attachedBounce(inner) {
			sub := &collected{top: inner}
			w.c = sub
			l, cl := w.entity(inner, depth+1, false)
			w.c = c
			c.attached, c.statusCut = sub, c.statusCut || sub.statusCut
			return l, cl
		}
		return w.skip()
	case "text/rfc822-headers", "message/global-headers", "text/rfc822-header":
		raw, l, cl := w.collect(maxHeaderBytes)
		w.setOriginal(parseHeaderBytes(decodeTransfer(raw, pt.encoding)))
		return l, cl
	case "message/delivery-status", "message/global-delivery-status":
		raw, l, cl, cut := w.collectAll(maxStatusBlob)
		c.statusCut = c.statusCut || cut
		if len(c.statusBlobs) < maxStatusParts {
			c.statusBlobs = append(c.statusBlobs, owned(decodeCharset(decodeTransfer(raw, pt.encoding), pt.charset), raw))
		}
		return l, cl
	case "message/feedback-report":
		raw, l, cl := w.collect(maxStatusBlob)
		if c.feedbackBlob == nil {
			c.feedbackBlob = owned(decodeTransfer(raw, pt.encoding), raw)
		}
		return l, cl
	case "message/disposition-notification", "message/global-disposition-notification":
		raw, l, cl := w.collect(maxStatusBlob)
		if c.mdnBlob == nil {
			c.mdnBlob = owned(decodeCharset(decodeTransfer(raw, pt.encoding), pt.charset), raw)
		}
		return l, cl
	case "", "text/plain", "text/html", "text/enriched", "text/x-aol":
		if inOriginal || len(c.text) >= maxText {
			return w.skip()
		}
		raw, l, cl := w.collect(maxText * 2)
		text := decodeCharset(decodeTransfer(raw, pt.encoding), pt.charset)
		if pt.media == "text/html" {
			if len(c.text) > 0 && !c.htmlOnly {
				return l, cl // the plain alternative was enough
			}
			text = stripHTML(text)
			c.htmlOnly = true
		} else if c.htmlOnly {
			c.text, c.htmlOnly = c.text[:0], false
		}
		room := maxText - len(c.text)
		if len(text) > room {
			text = text[:room]
		}
		if len(c.text) > 0 {
			c.text = append(c.text, '\n')
		}
		c.text = append(c.text, text...)
		return l, cl
	}
	return w.skip()
}

// attachedBounce tells whether an attached message is a mail system's notice about the list's
// own mail: it comes from a mail system (MAILER-DAEMON@, postmaster@, a null sender) and was
// sent to a list's robot (news-bounces@, news-owner@, owner-news@), where bounces of the list's
// posts go. A list manager forwards such a notice to its owner when it cannot read it
// (Mailman's "Uncaught bounce notification"), an owner forwards one that reached them, and the
// list host returns one its robot refused (a double bounce).
func attachedBounce(h header) bool {
	from := toLower(h.get("from"))
	if !isSystemAddress(firstAddress(from)) && !containsAny(from, mailSystemSenders) && from != "<>" {
		return false
	}
	for _, k := range []string{"to", "delivered-to", "x-original-to"} {
		if robotList(firstAddress(h.get(k))) != "" {
			return true
		}
	}
	return false
}

// owned returns b, decoded from the scratch buffer raw, as bytes of its own: a copy when b is
// raw itself (nothing to decode), b otherwise.
func owned(b, raw []byte) []byte {
	if len(b) > 0 && len(raw) > 0 && &b[0] == &raw[0] {
		return bytes.Clone(b)
	}
	return b
}

func (w *walker) setOriginal(h header) {
	if !w.c.hasOriginal && len(h) > 0 {
		w.c.original, w.c.hasOriginal = h, true
	}
}

func (w *walker) multipart(pt partType, depth int, inOriginal bool) (int, bool) {
	if depth == 0 && pt.media == "multipart/report" {
		w.c.reportType = toLower(pt.reportType)
	}
	w.stack = append(w.stack, pt.boundary)
	mine := len(w.stack) - 1
	level, closing := w.preamble(mine)
	for level == mine && !closing {
		h := w.headers()
		level, closing = w.entity(h, depth+1, inOriginal)
	}
	w.stack = w.stack[:mine]
	if level == mine { // closing boundary: skip the epilogue
		return w.skip()
	}
	return level, closing
}

// preamble skips to the first boundary of the multipart at level mine. A multipart whose
// parts use another boundary than its header declares is common enough: a line that looks like a
// boundary before the declared one was seen is adopted instead.
func (w *walker) preamble(mine int) (int, bool) {
	var kept []byte // the preamble, in case no boundary ever comes
	for {
		line, start, ok := w.lr.next()
		if !ok {
			// No part at all: what was read is the message's text.
			if room := maxText - len(w.c.text); room > 0 {
				w.c.text = append(w.c.text, kept[:min(len(kept), room)]...)
			}
			return -1, false
		}
		if !start {
			continue
		}
		if l, c := w.match(line); l >= 0 {
			return l, c
		}
		if looksLikeBoundary(line) {
			w.stack[mine] = string(trimRightBlanks(line[2:]))
			return mine, false
		}
		if len(kept)+len(line) < maxText {
			kept = append(append(kept, line...), '\n')
		}
	}
}

func looksLikeBoundary(line []byte) bool {
	line = trimRightBlanks(line)
	if len(line) < 12 || len(line) > 72 || line[0] != '-' || line[1] != '-' || bytes.HasSuffix(line, []byte("--")) {
		return false
	}
	alnum := 0
	for _, c := range line[2:] {
		if c <= ' ' || c >= 127 {
			return false
		}
		if isAlnum(c) {
			alnum++
		}
	}
	return alnum >= 6
}

// decodeTransfer undoes a Content-Transfer-Encoding, leniently.
func decodeTransfer(raw []byte, encoding string) []byte {
	switch encoding {
	case "base64":
		clean := make([]byte, 0, len(raw))
		for _, c := range raw {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
				clean = append(clean, c)
			}
		}
		if len(clean)%4 == 1 {
			clean = clean[:len(clean)-1] // a stray character cannot be decoded
		}
		out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
		n, _ := base64.RawStdEncoding.Decode(out, clean)
		return out[:n]
	case "quoted-printable":
		out, failed := decodeQuotedPrintable(raw)
		if failed && len(out) == 0 {
			return raw
		}
		return out
	}
	return raw
}

// decodeCharset converts text in the named charset to UTF-8; unknown charsets are kept as is.
// Text without a charset, or said to be ASCII, that holds ISO-2022-JP escape sequences (Japanese
// MTAs write them into Diagnostic-Code fields) is decoded as ISO-2022-JP.
func decodeCharset(b []byte, cs string) []byte {
	cs, ok := charsetToDecode(b, cs)
	if !ok {
		return b
	}
	// The text is in memory: it is decoded at once, without the decoding reader's two 4 kB
	// buffers (8 kB allocated for each part); what was decoded before an error is kept, as
	// the reader gave it.
	enc := lookupCharset(cs)
	if enc == nil {
		return b
	}
	out, _, err := transform.Append(enc.NewDecoder(), make([]byte, 0, len(b)+len(b)/2+16), b)
	if err != nil && len(out) == 0 {
		return b
	}
	return out
}

// charsetToDecode returns the charset that text b labelled cs is decoded from (see
// decodeCharset), and false when b is kept as it is.
func charsetToDecode(b []byte, cs string) (string, bool) {
	cs = toLower(strings.TrimSpace(cs))
	switch cs {
	case "", "us-ascii", "utf-8", "utf8", "ascii":
		if !hasISO2022Escapes(b) {
			return "", false
		}
		cs = "iso-2022-jp"
	}
	if !isASCII(b) && utf8.Valid(b) {
		// Text in another charset is almost never valid UTF-8 by chance once it has a few
		// 8-bit bytes (and a 7-bit one such as ISO-2022-JP cannot hold them at all): the text
		// was written or re-encoded as UTF-8 under a wrong label.
		return "", false
	}
	return cs, true
}

// hasISO2022Escapes tells whether b switches to a JIS character set the ISO-2022-JP way.
func hasISO2022Escapes(b []byte) bool {
	return bytes.Contains(b, []byte("\x1b$B")) || bytes.Contains(b, []byte("\x1b$@"))
}

// stripHTML reduces HTML to its text, one block element a line.
func stripHTML(b []byte) []byte {
	out := make([]byte, 0, len(b))
	var link linkText
	for len(b) > 0 {
		lt := bytes.IndexByte(b, '<')
		if lt < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:lt]...)
		b = b[lt+1:]
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			break // a tag that never ends: the rest is inside it
		}
		tag := b[:gt]
		if k := bytes.LastIndexByte(tag, '<'); k >= 0 {
			tag = tag[k+1:] // a '<' inside a tag starts it again
		}
		out = link.tag(tag, out)
		switch tagBreak(tag[:min(len(tag), 16)]) {
		case '\n':
			out = append(out, '\n')
		case ' ':
			out = append(out, ' ') // the cells of a table's row stay on its line
		}
		b = b[gt+1:]
	}
	if bytes.IndexByte(out, '&') < 0 {
		return out // no character reference (htmlEntities's all start with '&')
	}
	return []byte(htmlEntities.Replace(string(out)))
}

// linkText keeps the address of an open mailto: link, so that a link whose text is a name
// (<a href="mailto:walter.xu@example.com">Walter Xu</a>) keeps its address in the text:
// "Walter Xu <walter.xu@example.com>".
type linkText struct {
	addr string
	at   int // where the link's text starts in the output
}

// tag notes the tag (what is between < and >) stripHTML meets, with the text out so far: it opens
// a mailto: link, or it closes one whose text did not show its address, which is then written
// after it. It returns out.
func (l *linkText) tag(tag []byte, out []byte) []byte {
	if a := mailtoTarget(tag); a != "" {
		l.addr, l.at = a, len(out)
		return out
	}
	if l.addr == "" || !bytes.EqualFold(bytes.TrimSpace(tag), []byte("/a")) {
		return out
	}
	if !bytes.Contains(bytes.ToLower(out[l.at:]), []byte(toLower(l.addr))) {
		out = append(append(append(out, " <"...), l.addr...), '>')
	}
	l.addr = ""
	return out
}

// mailtoTarget returns the address of an "a" tag's href="mailto:..." (without its ?query), or "".
func mailtoTarget(tag []byte) string {
	t := bytes.TrimSpace(tag)
	if len(t) < 2 || t[0] != 'a' && t[0] != 'A' || t[1] != ' ' && t[1] != '\t' && t[1] != '\n' {
		return ""
	}
	i := bytes.Index(bytes.ToLower(t), []byte("mailto:"))
	if i < 0 {
		return ""
	}
	a := t[i+len("mailto:"):]
	if end := bytes.IndexAny(a, "\"' >?"); end >= 0 {
		a = a[:end]
	}
	if bytes.IndexByte(a, '@') <= 0 {
		return ""
	}
	return string(a)
}

// tagBreak tells what stripHTML writes for a tag, from its start (at most 16 bytes of what is
// between < and >): a line break for a block element, opening or closing ("br", "/p", "TR
// class=x"), a space for a table's cell ("td", "/th"), so that a row is one line; 0 for others.
func tagBreak(tag []byte) byte {
	name := bytes.TrimSpace(tag)
	if i := bytes.IndexByte(name, ' '); i >= 0 {
		name = name[:i]
	}
	name = bytes.TrimPrefix(name, []byte("/"))
	var low [16]byte
	if len(name) > len(low) {
		return 0
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(name)]) {
	case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "table":
		return '\n'
	case "td", "th":
		return ' '
	}
	return 0
}

// htmlEntities are the character references stripHTML decodes.
var htmlEntities = strings.NewReplacer("&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'")

// isASCII tells whether b holds only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
