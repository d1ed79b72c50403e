package dsn

import (
	"strconv"
	"strings"
)

func isLocalChar(c byte) bool {
	return isAlnum(c) || c >= 0x80 || strings.IndexByte("!#$%&'*+-/=?^_`{|}~.", c) >= 0
}

// isControlByte tells an ASCII control character other than white space (NUL, ESC, DEL, ...).
func isControlByte(c byte) bool { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f }

// hasControlByte tells whether s holds a control character other than white space.
func hasControlByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if isControlByte(s[i]) {
			return true
		}
	}
	return false
}

func isDomainChar(c byte) bool { return isAlnum(c) || c >= 0x80 || c == '-' || c == '.' }

// addressAt expands the '@' at s[at] into the address around it, returning its bounds.
func addressAt(s string, at int) (int, int, bool) {
	i := at
	if i > 1 && s[i-1] == '"' { // quoted local part: "john..doe"@example.com
		if q := strings.LastIndexByte(s[:i-1], '"'); q >= 0 && !strings.ContainsAny(s[q:i], "\n<>") {
			i = q
		}
	}
	for i > 0 && isLocalChar(s[i-1]) {
		i--
	}
	if i > 0 && isControlByte(s[i-1]) || i > 1 && s[i-1] == '[' && s[i-2] == 0x1b {
		// The tail of a control sequence ("\x1b[2J@remote.test"): no address, but hostile or
		// broken text, which must not yield the different address "2J@remote.test".
		return 0, 0, false
	}
	for i < at && s[i] != '"' && (s[i] == '.' || s[i] == '\'' || s[i] == '=' && i+1 < at && s[i+1] == '?') {
		i++
	}
	// An X.400 address names its SMTP form in a "dda:SMTP=a@example.org" attribute.
	if at-i > 5 && strings.EqualFold(s[i:i+5], "smtp=") && i > 0 && s[i-1] == ':' {
		i += 5
	}
	j := at + 1
	if j < len(s) && s[j] == '[' { // domain literal
		k := strings.IndexByte(s[j:], ']')
		if k < 0 {
			return 0, 0, false
		}
		return i, j + k + 1, i < at
	}
	for j < len(s) && isDomainChar(s[j]) {
		j++
	}
	for j > at+1 && (s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	if i == at || j == at+1 || !strings.Contains(s[at+1:j], ".") && !strings.EqualFold(s[at+1:j], "localhost") {
		return 0, 0, false
	}
	if isMaskedLocalPart(s[i:at]) {
		return 0, 0, false
	}
	return i, j, true
}

// isMaskedLocalPart tells a local part that a notice masked to hide whose it is ("m***a",
// "j*****", "***"): no one's address, though '*' is a valid character, and never a recipient;
// the recipient is then read where the notice or the returned message names it in full.
func isMaskedLocalPart(local string) bool {
	return strings.IndexByte(local, '*') >= 0
}

// addressPunctuation is what normalizeAddress trims from both ends of an address: white space,
// brackets and the punctuation of the sentence around it.
var addressPunctuation = byteSet(" \t<>'.,;:()[]")

// byteSet returns the set of the bytes of chars.
func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// trimBytes returns s without the bytes of set at either end: strings.Trim(s, chars) for a set
// made of ASCII chars, without making the set at each call.
func trimBytes(s string, set *[256]bool) string {
	for len(s) > 0 && set[s[0]] {
		s = s[1:]
	}
	for len(s) > 0 && set[s[len(s)-1]] {
		s = s[:len(s)-1]
	}
	return s
}

// normalizeAddress lower-cases the domain of an address and decodes RFC 6533 \x{..} escapes.
func normalizeAddress(a string) string {
	a = trimBytes(a, &addressPunctuation)
	if strings.Count(a, `"`) == 1 || strings.HasPrefix(a, `"`) && strings.HasSuffix(a, `"`) {
		a = strings.Trim(a, `"`)
	}
	if strings.Contains(a, `\x{`) {
		a = decodeEmbeddedUnicode(a)
	}
	at := strings.LastIndexByte(a, '@')
	if at < 0 {
		return a
	}
	domain := a[at+1:]
	if lower := toLower(domain); lower != domain {
		return a[:at] + "@" + lower
	}
	return a // the domain is already in lower case: no copy
}

// decodeEmbeddedUnicode decodes the \x{HEX} form RFC 6533 uses for utf-8 addresses.
func decodeEmbeddedUnicode(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, `\x{`)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.ParseUint(s[i+3:i+j], 16, 32)
		b.WriteString(s[:i])
		if err != nil {
			b.WriteString(s[i : i+j+1])
		} else {
			b.WriteRune(rune(n))
		}
		s = s[i+j+1:]
	}
}

// firstAddress returns the first address in s, normalized, or "".
func firstAddress(s string) string {
	if strings.Contains(s, `\x{`) {
		s = decodeEmbeddedUnicode(s)
	}
	if i := strings.IndexByte(s, '<'); i >= 0 {
		if j := strings.IndexByte(s[i:], '>'); j > 0 && strings.Contains(s[i:i+j], "@") {
			return normalizeAddress(s[i+1 : i+j])
		}
	}
	for k := 0; k < len(s); k++ {
		if s[k] != '@' {
			continue
		}
		if i, j, ok := addressAt(s, k); ok {
			return normalizeAddress(s[i:j])
		}
	}
	return ""
}

// addrSpan is an address found in a text, with its byte offsets.
type addrSpan struct {
	addr       string
	start, end int
}

// findAddresses returns every address in s, in order.
func findAddresses(s string) []addrSpan {
	var out []addrSpan
	for k := 0; k < len(s); k++ {
		if s[k] != '@' {
			continue
		}
		if i, j, ok := addressAt(s, k); ok {
			out = append(out, addrSpan{normalizeAddress(s[i:j]), i, j})
			k = j
		}
	}
	return out
}

// localPart returns the part of an address before the last '@', lower-cased.
func localPart(a string) string {
	if at := strings.LastIndexByte(a, '@'); at >= 0 {
		return toLower(a[:at])
	}
	return toLower(a)
}

// isSystemAddress reports whether the address belongs to a mail system rather than a person.
func isSystemAddress(a string) bool {
	switch localPart(a) {
	case "mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon", "root", "daemon", "noreply", "no-reply", "abuse":
		return true
	}
	return false
}

// isContactAddress tells a help desk's address, which a notice mentions in passing for the reader
// to write to ("contact support@example.net"), not as the failed recipient.
func isContactAddress(a string) bool {
	switch localPart(a) {
	case "support", "help", "helpdesk", "hostmaster", "webmaster", "administrator", "admin", "security", "noc":
		return true
	}
	return false
}

// validAddress reports whether a is a single plausible address.
func validAddress(a string) bool {
	at := strings.LastIndexByte(a, '@')
	return at > 0 && at < len(a)-1 && !strings.ContainsAny(a, " \t<>|,;:")
}
