package dsn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ValidMailbox reports whether a is a mailbox an application can be told about: an RFC 5321
// Mailbox (a dot-string or quoted-string local part, "@", a domain or an address literal), with
// RFC 6531's UTF-8 allowed in the local part and the domain, and no control character anywhere
// (a NUL byte or a terminal escape sequence in a Final-Recipient is hostile or broken, never an
// address). It is lenient where real mail is: dots may repeat or end the local part (Japanese
// carriers hand out such addresses) and the domain may be a single label ("localhost").
func ValidMailbox(a string) bool {
	at := strings.LastIndexByte(a, '@')
	if at <= 0 || at == len(a)-1 || len(a) > 320 || !utf8.ValidString(a) {
		return false
	}
	local, domain := a[:at], a[at+1:]
	return validLocalPart(local) && validDomain(domain)
}

// validLocalPart checks a local part: atext and dots, or a quoted string; UTF-8 letters allowed.
func validLocalPart(local string) bool {
	if len(local) > 128 { // RFC 5321 says 64; some real systems hand out a little more
		return false
	}
	if len(local) >= 2 && local[0] == '"' && local[len(local)-1] == '"' {
		for _, c := range local[1 : len(local)-1] {
			if unicode.IsControl(c) {
				return false
			}
		}
		return true
	}
	for _, c := range local {
		switch {
		case c >= utf8.RuneSelf:
			if unicode.IsControl(c) || unicode.IsSpace(c) || c == utf8.RuneError {
				return false
			}
		case !isLocalChar(byte(c)):
			return false
		}
	}
	return true
}

// validDomain checks a domain: labels of letters, digits, hyphens (underscores, which some
// hosts have, too) and UTF-8 letters, or an address literal ("[192.0.2.1]", "[IPv6:...]").
func validDomain(domain string) bool {
	if len(domain) > 255 {
		return false
	}
	if strings.HasPrefix(domain, "[") && strings.HasSuffix(domain, "]") {
		lit := domain[1 : len(domain)-1]
		return lit != "" && strings.Trim(lit, "0123456789abcdefABCDEF.:IPvV6") == ""
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			switch {
			case c >= utf8.RuneSelf:
				if !unicode.IsLetter(c) && !unicode.IsNumber(c) && !unicode.Is(unicode.Mn, c) {
					return false
				}
			case !isAlnum(byte(c)) && c != '-' && c != '_':
				return false
			}
		}
	}
	return true
}
