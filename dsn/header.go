package dsn

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"unicode/utf8"
)

// Limits that keep memory bounded on hostile input.
const (
	maxHeaderBytes  = 256 << 10 // of one header block kept in memory
	maxHeaderFields = 2000
)

// field is one header field, unfolded.
type field struct {
	key   string // lower case
	value string
}

// header is a header block in order, read leniently.
type header []field

// get returns the first value of key (lower case), trimmed.
func (h header) get(key string) string {
	for _, f := range h {
		if f.key == key {
			return strings.TrimSpace(f.value)
		}
	}
	return ""
}

// getAnyCase is get(toLower(name)) without lower-casing name: the field names of a
// header are lower-case ASCII, compared to an ASCII name in any case.
func (h header) getAnyCase(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return h.get(toLower(name))
		}
	}
	for _, f := range h {
		if len(f.key) == len(name) && equalFoldASCII(f.key, name) {
			return strings.TrimSpace(f.value)
		}
	}
	return ""
}

// equalFoldASCII tells whether ASCII texts a and b, of the same length, are equal in any case.
func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// has reports whether key (lower case) is present.
func (h header) has(key string) bool {
	for _, f := range h {
		if f.key == key {
			return true
		}
	}
	return false
}

// decoded returns the first value of key with RFC 2047 encoded words decoded.
func (h header) decoded(key string) string { return decodeWords(h.get(key)) }

var wordDecoder = &mime.WordDecoder{CharsetReader: wordCharsetReader}

// wordCharsetReader is charsetReader for the encoded words of a header. The WordDecoder copies a
// decoded word out with io.Copy, which takes a 32 kB buffer for each word unless the reader
// copies itself out (io.WriterTo): the reader it returns does, through a small buffer.
func wordCharsetReader(name string, input io.Reader) (io.Reader, error) {
	r, err := charsetReader(name, input)
	if err != nil {
		return nil, err
	}
	return smallCopyReader{r}, nil
}

// smallCopyReader is a reader that copies itself out as io.Copy would, through a buffer of 512
// bytes on the stack.
type smallCopyReader struct{ io.Reader }

func (r smallCopyReader) WriteTo(w io.Writer) (int64, error) {
	var buf [512]byte
	var n int64
	for {
		k, err := r.Read(buf[:])
		if k > 0 {
			wrote, werr := w.Write(buf[:k])
			n += int64(wrote)
			if werr != nil {
				return n, werr
			}
			if wrote != k {
				return n, io.ErrShortWrite
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	d, err := wordDecoder.DecodeHeader(s)
	if err != nil {
		return s
	}
	return d
}

// validKey reports whether b is a plausible header field name.
func validKey(b []byte) bool {
	if len(b) == 0 || len(b) > 76 {
		return false
	}
	for _, c := range b {
		if c <= ' ' || c >= 127 || c == ':' {
			return false
		}
	}
	return true
}

// isBlank tells whether line is only white space (bytes.TrimSpace leaves nothing), answering at
// once for a line that starts with a printable ASCII byte, as a field's line does.
func isBlank(line []byte) bool {
	if len(line) > 0 && line[0] > ' ' && line[0] < utf8.RuneSelf {
		return false
	}
	return len(bytes.TrimSpace(line)) == 0
}

// trimRightBlanks is bytes.TrimRight(b, " \t") without making the set of the two bytes at each
// call (it runs for every line of every header).
func trimRightBlanks(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// splitField splits "Name: value" into its key and value; ok is false when line is not a field.
func splitField(line []byte) (key, value []byte, ok bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return nil, nil, false
	}
	k := trimRightBlanks(line[:i])
	if !validKey(k) {
		return nil, nil, false
	}
	return k, line[i+1:], true
}

// headerReader reads header blocks from a lineReader.
type headerReader struct {
	lr *lineReader
	// isBoundary, when set, stops the header at a MIME boundary line (the line is pushed back).
	isBoundary func([]byte) bool
}

// read reads one header block up to and including the blank line that ends it. A line that is
// neither a field nor a continuation ends the block when strict is set (it is pushed back), and is
// skipped otherwise. It returns the number of valid fields seen, which may exceed len(h) when the
// block was too large to keep.
func (hr headerReader) read(strict bool) (h header, n int) {
	hb := &hr.lr.header
	hb.reset()
	n = hr.scan(strict, hb)
	return hb.header(), n
}

// scan reads the lines of a header block into hb (see read).
func (hr headerReader) scan(strict bool, hb *headerBuilder) (n int) {
	size := 0
	first := true
	for {
		line, start, ok := hr.lr.next()
		if !ok {
			return n
		}
		if !start {
			continue // rest of an over-long line
		}
		if len(line) == 0 || (!first && isBlank(line)) {
			return n
		}
		if hr.isBoundary != nil && hr.isBoundary(line) {
			hr.lr.unread(line)
			return n
		}
		if line[0] == ' ' || line[0] == '\t' {
			if hb.open && size < maxHeaderBytes {
				hb.extend(line)
				size += len(line)
			}
			first = false
			continue
		}
		if first && bytes.HasPrefix(line, []byte("From ")) {
			first = false
			continue // mbox separator
		}
		first = false
		k, v, ok := splitField(line)
		if !ok {
			if strict {
				hr.lr.unread(line)
				return n
			}
			if hb.open && bytes.IndexByte(line, '=') > 0 && size < maxHeaderBytes {
				// "boundary=..." left unindented: a continuation line that lost its space.
				hb.extend(line)
				size += len(line)
			}
			continue
		}
		n++
		hb.close()
		if size >= maxHeaderBytes || len(hb.spans) >= maxHeaderFields {
			continue
		}
		size += len(line)
		hb.start(fieldName(k), v)
	}
}

// maxSharedHeader is the largest header block whose values share one string. A report keeps a
// few values of its header blocks, and with them the whole string: up to this size that costs
// less than allocating each value on its own; a larger block has a string per value.
const maxSharedHeader = 16 << 10

// headerBuilder gathers the fields of a header block: the values, unfolded, one after the other
// in one buffer, made into strings when the block is complete.
type headerBuilder struct {
	values []byte
	spans  []fieldSpan
	open   bool // the last span's value is still being read: it runs to the end of values
}

// fieldSpan is a field of a headerBuilder: its name and where its value lies in the buffer.
type fieldSpan struct {
	key        string
	start, end int
}

func (hb *headerBuilder) reset() { hb.values, hb.spans, hb.open = hb.values[:0], hb.spans[:0], false }

// release drops the builder's buffers if they grew large, before it goes back to a pool.
func (hb *headerBuilder) release() {
	if cap(hb.values) > maxPooledScratch || cap(hb.spans) > maxHeaderFields {
		*hb = headerBuilder{}
	}
	hb.reset()
}

// start opens a field whose value starts with v.
func (hb *headerBuilder) start(key string, v []byte) {
	hb.spans = append(hb.spans, fieldSpan{key: key, start: len(hb.values)})
	hb.values = append(hb.values, v...)
	hb.open = true
}

// extend appends a continuation line to the open field's value.
func (hb *headerBuilder) extend(line []byte) {
	hb.values = append(append(hb.values, ' '), bytes.TrimSpace(line)...)
}

// close ends the open field: its value is trimmed of surrounding white space.
func (hb *headerBuilder) close() {
	if !hb.open {
		return
	}
	hb.open = false
	s := &hb.spans[len(hb.spans)-1]
	value := hb.values[s.start:]
	trimmed := bytes.TrimSpace(value)
	if len(trimmed) > 0 {
		s.start += cap(value) - cap(trimmed) // trimmed is value less a prefix and a suffix
	}
	s.end = s.start + len(trimmed)
	hb.values = hb.values[:s.end]
}

// header returns the fields gathered, nil for none.
func (hb *headerBuilder) header() header {
	hb.close()
	if len(hb.spans) == 0 {
		return nil
	}
	h := make(header, len(hb.spans))
	if len(hb.values) <= maxSharedHeader {
		all := string(hb.values)
		for i, s := range hb.spans {
			h[i] = field{key: s.key, value: all[s.start:s.end]}
		}
		return h
	}
	for i, s := range hb.spans {
		h[i] = field{key: s.key, value: string(hb.values[s.start:s.end])}
	}
	return h
}

// parseHeaderBytes reads a header block from a byte slice (a decoded text/rfc822-headers part, a
// delivery-status group).
func parseHeaderBytes(b []byte) header {
	lr := newBytesLineReader(b)
	defer lr.release()
	h, _ := headerReader{lr: lr}.read(false)
	return h
}

// commonFieldNames are the lower-case names of the header fields that bounces carry most, kept
// so that reading one does not allocate its name.
var commonFieldNames = [...]string{
	"received", "from", "to", "cc", "subject", "date", "message-id", "return-path", "reply-to",
	"sender", "mime-version", "content-type", "content-transfer-encoding", "content-description",
	"content-disposition", "content-id", "content-language", "delivered-to", "x-original-to",
	"in-reply-to", "references", "auto-submitted", "precedence", "x-mailer", "user-agent",
	"x-failed-recipients", "dkim-signature", "authentication-results", "received-spf",
	"x-received", "arc-seal", "arc-message-signature", "arc-authentication-results",
	"x-google-dkim-signature", "x-gm-message-state", "x-google-smtp-source", "thread-index",
	"thread-topic", "x-ms-has-attach", "x-ms-tnef-correlator", "x-originating-ip",
	"list-unsubscribe", "list-id", "errors-to", "importance", "x-priority",
	"reporting-mta", "received-from-mta", "arrival-date", "original-envelope-id",
	"final-recipient", "original-recipient", "action", "status", "remote-mta",
	"diagnostic-code", "last-attempt-date", "will-retry-until", "x-actual-recipient",
	"x-postfix-queue-id", "x-postfix-sender", "feedback-type", "version", "source-ip",
	"original-mail-from", "original-rcpt-to", "reported-domain",
	"x-campaign-id", "x-spam-status", "x-spam-score", "x-virus-scanned",
}

// commonFieldSlots finds a name of commonFieldNames from its bytes: slot fieldSlot(name), or
// the first free slot after it, holds its index plus one (0: an empty slot).
var commonFieldSlots = func() (slots [256]uint8) {
	for i, name := range commonFieldNames {
		h := fieldSlot([]byte(name))
		for slots[h] != 0 {
			h++
		}
		slots[h] = uint8(i + 1)
	}
	return slots
}()

// fieldSlot hashes a field name (at least one byte) to a slot of commonFieldSlots.
func fieldSlot(k []byte) uint8 {
	h := uint32(len(k)) ^ uint32(k[0])<<8 ^ uint32(k[len(k)/2])<<16 ^ uint32(k[len(k)-1])<<24
	return uint8(h * 0x9E3779B1 >> 24)
}

// fieldName returns the lower-case name of a header field.
func fieldName(k []byte) string {
	var buf [48]byte
	if len(k) > len(buf) {
		return toLower(string(k))
	}
	low := buf[:len(k)]
	for i, c := range k {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	if len(low) > 0 {
		for h := fieldSlot(low); commonFieldSlots[h] != 0; h++ {
			if name := commonFieldNames[commonFieldSlots[h]-1]; name == string(low) {
				return name
			}
		}
	}
	return string(low)
}
