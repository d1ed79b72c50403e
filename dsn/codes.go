package dsn

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// digitsAt returns how many digits start s[i:], at most max+1.
func digitsAt(s string, i, max int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) && n <= max {
		n++
	}
	return n
}

// statusAt reports whether an RFC 3463 code (class.subject.detail) starts at s[i] and returns its
// length.
func statusAt(s string, i int) int {
	if i >= len(s) || i > 0 && (isAlnum(s[i-1]) || s[i-1] == '.') {
		return 0
	}
	if c := s[i]; c != '2' && c != '4' && c != '5' {
		return 0
	}
	j := i + 1
	if j >= len(s) || s[j] != '.' {
		return 0
	}
	j++
	n := digitsAt(s, j, 3)
	if n == 0 || n > 3 {
		return 0
	}
	j += n
	if j >= len(s) || s[j] != '.' {
		return 0
	}
	j++
	n = digitsAt(s, j, 3)
	if n == 0 || n > 3 {
		return 0
	}
	j += n
	// not an IP address or a version number
	if j < len(s) && (isAlnum(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
		return 0
	}
	return j - i
}

// findStatus returns the most specific RFC 3463 code in s (the first of the most specific ones).
// A code's class is followed by a dot: the search goes from dot to dot.
func findStatus(s string) string {
	best, bestSpec := "", -1
	for from := 1; from < len(s); {
		dot := strings.IndexByte(s[from:], '.')
		if dot < 0 {
			break
		}
		dot += from
		from = dot + 1
		i := dot - 1
		if c := s[i]; c != '2' && c != '4' && c != '5' {
			continue // no code starts here (statusAt's first test, without the call)
		}
		n := statusAt(s, i)
		if n == 0 {
			continue
		}
		code := s[i : i+n]
		if sp := specificity(code); sp > bestSpec {
			best, bestSpec = code, sp
		}
		from = i + n + 1 // the next code starts after this one, its dot one further
	}
	return best
}

// replyCodeAt reports whether an SMTP reply code starts at s[i]. The non-standard 57x that some
// servers send ("571 Delivery not authorized, message refused", Microsoft IIS SMTP) counts only
// at the start of the text or after the stage that chasquid names before a reply ("MAIL+RCPT 571
// Email from ... is currently blocked"), followed by words: a street number opening a line of a
// signature ("580 Main Street") is no reply.
func replyCodeAt(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0 != '2' && c0 != '4' && c0 != '5' || !isDigit(c1) || !isDigit(c2) {
		return false
	}
	if c1 > '5' {
		return c0 == '5' && c1 == '7' && (i == 0 || afterReplyStage(s[:i])) && i+4 < len(s) && s[i+3] == ' ' && isAlnum(s[i+4]) && !isDigit(s[i+4])
	}
	if i > 0 {
		p := s[i-1]
		if isAlnum(p) || p == '.' || p == '-' || p == '+' || p == '/' || p == '=' || p == '_' || p == '%' || p == '$' || p == '@' {
			return false
		}
	}
	j := i + 3
	if j == len(s) {
		return true
	}
	if inSpacedNumber(s, i) {
		return false // "+1 212 555 1234": a group of a telephone number
	}
	switch s[j] {
	case ' ', '-', '\t', '\n', ')', ',', ']', '"', ':', ';':
		return true
	}
	return false
}

// inSpacedNumber tells whether the three digits at i are a group of a number written in groups
// between spaces, as telephone numbers are ("+1 212 555 1234"): a group of digits before them
// and one after, with a space between each.
func inSpacedNumber(s string, i int) bool {
	if i < 2 || s[i-1] != ' ' || !isDigit(s[i-2]) || i+4 >= len(s) || s[i+3] != ' ' {
		return false
	}
	k := i + 4
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	return k > i+4 && (k == len(s) || s[k] != '.')
}

// findReplyCode returns the SMTP reply code in s: the first one followed by an RFC 3463 code of
// the same class, else the first one.
func findReplyCode(s string) string {
	// Sendmail quotes the remote reply after the address: "554 <a@example.com>... 550 Host unknown".
	if i := strings.Index(s, "... "); i > 0 && replyCodeAt(s, i+4) {
		return s[i+4 : i+7]
	}
	first := ""
	for i := 0; i+3 <= len(s); i++ {
		if i+8 <= len(s) && !hasCodeDigit(loadString8(s[i:])) {
			i += 7 // no code starts in these eight bytes
			continue
		}
		if c := s[i]; c != '2' && c != '4' && c != '5' || !replyCodeAt(s, i) {
			continue
		}
		code := s[i : i+3]
		j := i + 4
		if j < len(s) && (s[i+3] == ' ' || s[i+3] == '-') {
			if n := statusAt(s, j); n > 0 && s[j] == code[0] {
				return code
			}
		}
		// A 2xx code only counts at the start ("250 2.0.0 Ok" of a success notice): elsewhere in
		// a failure's text it is a count ("Size (in bytes): 222"), not the failure's reply.
		if first == "" && (code[0] != '2' || strings.TrimSpace(s[:i]) == "") {
			first = code
		}
		i += 2
	}
	return first
}

// asciiLower lower-cases ASCII letters only, so that byte offsets in the result are offsets in s.
func asciiLower(s string) string {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if upperMask(loadString8(s[i:])) != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := make([]byte, len(s))
			copy(b, s)
			lowerASCIIBytes(b[i:])
			return bytesToString(b)
		}
	}
	return s
}

// lowerASCIIBytes lower-cases the ASCII letters of b in place, eight bytes at a time.
func lowerASCIIBytes(b []byte) {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if m := upperMask(w); m != 0 {
			binary.LittleEndian.PutUint64(b[i:], w|m>>2) // 0x80 >> 2 is 'a' - 'A'
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// upperMask returns 0x80 in each byte of w that is an ASCII upper-case letter, 0 in the others.
// Each byte's low seven bits plus (0x80 - 'A') reach 0x80 when it is 'A' or above, plus
// (0x80 - 'Z' - 1) when it is above 'Z'; neither sum carries into the next byte.
func upperMask(w uint64) uint64 {
	const ones = 0x0101010101010101
	low7 := w & (0x7f * ones)
	atLeastA := low7 + (0x80-'A')*ones
	aboveZ := low7 + (0x80-'Z'-1)*ones
	return atLeastA &^ aboveZ &^ w & (0x80 * ones)
}

// toLower is strings.ToLower with a quick test, eight bytes at a time, of the common case that
// needs no change: an ASCII text without upper case, returned as it is (as strings.ToLower
// returns it). An ASCII text with upper case is copied and lower-cased eight bytes at a time
// (strings.ToLower's ASCII path goes a byte at a time, twice); any other text goes to
// strings.ToLower.
func toLower(s string) string {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := loadString8(s[i:])
		if w&(0x80*ones) != 0 {
			return strings.ToLower(s)
		}
		if upperMask(w) != 0 {
			return lowerASCIIFrom(s, i)
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.ToLower(s)
		} else if 'A' <= c && c <= 'Z' {
			return lowerASCIIFrom(s, i)
		}
	}
	return s
}

// lowerASCIIFrom is toLower of s, whose bytes before i are ASCII and not upper case: a copy with
// the ASCII letters lower-cased when s is ASCII, strings.ToLower(s) otherwise.
func lowerASCIIFrom(s string, i int) string {
	const ones = 0x0101010101010101
	j := i
	for ; j+8 <= len(s); j += 8 {
		if loadString8(s[j:])&(0x80*ones) != 0 {
			return strings.ToLower(s)
		}
	}
	for ; j < len(s); j++ {
		if s[j] >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	b := make([]byte, len(s))
	copy(b, s)
	lowerASCIIBytes(b[i:])
	return bytesToString(b)
}

// hasCodeDigit tells whether a byte of w is a digit from '2' to '5' (a code's first digit is
// '2', '4' or '5'): the exact test of a byte between two values of "Bit Twiddling Hacks", for
// 0x31 < byte < 0x36.
func hasCodeDigit(w uint64) bool {
	const ones = 0x0101010101010101
	const low7 = 0x7f * ones
	x := w & low7
	return ((127+0x36)*ones-x)&^w&(x+(127-0x31)*ones)&(0x80*ones) != 0
}

// loadString8 returns the first eight bytes of s (at least eight long) as a little-endian word.
func loadString8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bytesToString returns b as a string without copying it; b must not be changed afterwards.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// foldCase lower-cases a text for rule matching: every letter, not only ASCII ones, so that
// "EMPFÄNGER UNBEKANNT" and "Пользователь не найден" meet their phrases. Byte offsets may change;
// where they must stay those of the text, use asciiLower.
func foldCase(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return asciiLower(s)
}

// typographicPunctuation maps the curly quotes and dashes that word processors put in replies
// ("doesn’t", "deferred – 4.16.55") to the ASCII the rules are written in.
var typographicPunctuation = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-")

// foldPunctuation replaces typographic quotes and dashes with their ASCII forms.
func foldPunctuation(s string) string {
	if strings.IndexByte(s, 0xe2) < 0 { // the lead byte of all of them in UTF-8
		return s
	}
	return typographicPunctuation.Replace(s)
}

// replyStages are the words chasquid writes before a remote's reply to say at which stage of the
// session it came ("MAIL+RCPT 550 ...", "DATA 554 ...").
var replyStages = []string{"MAIL+RCPT ", "DATA "}

// afterReplyStage tells whether text (what precedes a reply code) ends with a stage of
// replyStages, alone or after a diagnostic type ("smtp; MAIL+RCPT ").
func afterReplyStage(text string) bool {
	for _, stage := range replyStages {
		if strings.HasSuffix(text, stage) {
			before := strings.TrimSpace(text[:len(text)-len(stage)])
			return before == "" || strings.HasSuffix(before, ";")
		}
	}
	return false
}
