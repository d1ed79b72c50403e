package dsn

import (
	"bytes"
	"encoding/binary"
)

// qpMaxLine is the longest line, with its line feed, that mime/quotedprintable's Reader reads
// whole (the size of its bufio.Reader): a longer line ends the decoding after its first
// qpMaxLine bytes. decodeQuotedPrintable keeps that limit so that it decodes exactly as the
// Reader did.
const qpMaxLine = 4096

// decodeQuotedPrintable decodes a quoted-printable body in one pass over the bytes, with the
// leniency of mime/quotedprintable's Reader, byte for byte (TestQuotedPrintableAsStdlib): "=\n"
// is a soft line break as "=\r\n" is, white space at the end of a line is dropped, an "=" not
// followed by two hex digits (of either case) is kept as a literal "=" unless it ends the line,
// bytes of 0x80 and above pass. It returns what was decoded, and failed when the Reader would
// have stopped on an error there (a control byte, an "=" at the end of a line followed by
// something other than white space, a line longer than qpMaxLine).
func decodeQuotedPrintable(raw []byte) (out []byte, failed bool) {
	out = make([]byte, 0, len(raw))
	for len(raw) > 0 {
		var line []byte
		last := false // the input's last line, without a line feed
		cut := false  // a line too long for the Reader: decoding stops after it
		switch nl := bytes.IndexByte(raw, '\n'); {
		case nl >= 0 && nl < qpMaxLine:
			line, raw = raw[:nl+1], raw[nl+1:]
		case nl < 0 && len(raw) < qpMaxLine:
			line, raw, last = raw, nil, true
		default:
			line, raw, cut = raw[:qpMaxLine], nil, true
		}
		body := line // without the white space and line break at its end, as bytes.TrimRight(line, " \t\r\n")
		for len(body) > 0 {
			if c := body[len(body)-1]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				break
			}
			body = body[:len(body)-1]
		}
		var ending []byte // the line break written after the body: none after a soft break
		if bytes.HasSuffix(body, []byte("=")) {
			after := bytes.TrimLeft(line[len(body):], " \t")
			body = body[:len(body)-1]
			if !bytes.HasPrefix(after, []byte("\n")) && !bytes.HasPrefix(after, []byte("\r\n")) &&
				!(len(after) == 0 && len(body) > 0 && last) {
				cut = true // the Reader reports the bytes after "=" once the line is out
			}
		} else if bytes.HasSuffix(line, []byte("\r\n")) {
			ending = line[len(line)-2:]
		} else if bytes.HasSuffix(line, []byte("\n")) {
			ending = line[len(line)-1:]
		}
		// The body is written in place: what a line decodes to is never longer than the line,
		// and out has the capacity of the whole input.
		n := len(out)
		out = out[:n+len(body)]
		for i := 0; i < len(body); i++ {
			if i+8 <= len(body) {
				if w := binary.LittleEndian.Uint64(body[i:]); qpPlainWord(w) {
					binary.LittleEndian.PutUint64(out[n:], w)
					n += 8
					i += 7
					continue
				}
			}
			c := body[i]
			switch qpClass[c] {
			case qpEquals:
				if i+2 < len(body) && isHexDigit(body[i+1]) && isHexDigit(body[i+2]) {
					c = unhex(body[i+1])<<4 | unhex(body[i+2])
					i += 2
				} else if i+1 >= len(body) || body[i+1] == '\r' {
					// "=" before the line break (or the end): the Reader stops with an error.
					return out[:n], true
				}
			case qpFails:
				return out[:n], true
			}
			out[n] = c
			n++
		}
		out = append(out[:n], ending...)
		if cut {
			return out, true
		}
	}
	return out, false
}

// The classes of the bytes of a quoted-printable body, as decodeQuotedPrintable reads them.
const (
	qpLiteral = iota // kept as it is: printable ASCII but "=", tab, CR, 8-bit bytes
	qpEquals         // "=": an escape, a soft line break, or kept
	qpFails          // another control byte: the Reader stops with an error
)

var qpClass = func() (class [256]uint8) {
	for c := range 256 {
		switch {
		case c == '=':
			class[c] = qpEquals
		case c == '\t' || c == '\r' || c >= 0x80:
		case c < ' ' || c > '~':
			class[c] = qpFails
		}
	}
	return class
}()

// qpPlainWord tells whether the eight bytes of w are all kept as they are and none is "=": no
// byte below 0x20 (tab and CR, kept, are left to the test of each byte), no DEL, no "=".
func qpPlainWord(w uint64) bool {
	const ones = 0x0101010101010101
	const high = 0x80 * ones
	hasZero := func(v uint64) bool { return (v-ones)&^v&high != 0 }
	return (w-0x20*ones)&^w&high == 0 && !hasZero(w^0x7f*ones) && !hasZero(w^'='*ones)
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
