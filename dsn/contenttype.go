package dsn

import (
	"mime"
	"strings"
)

// partType is the parsed Content-Type and Content-Transfer-Encoding of an entity: the media
// type and the parameters the walk reads.
type partType struct {
	media      string // lower case, e.g. "text/plain"; "" when absent
	boundary   string
	charset    string
	reportType string
	encoding   string // lower case transfer encoding
}

func typeOf(h header) partType {
	pt := partType{encoding: toLower(strings.TrimSpace(h.get("content-transfer-encoding")))}
	ct := h.get("content-type")
	if ct == "" {
		return pt
	}
	if simpleContentType(ct, &pt) {
		return pt
	}
	media, params, err := mime.ParseMediaType(ct)
	if err != nil {
		// Be lenient: keep the media type and dig the parameters out by hand.
		media = toLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
		if f := strings.Fields(media); len(f) > 0 {
			media = f[0]
		}
		params = looseParams(ct)
	}
	pt.media, pt.boundary, pt.charset, pt.reportType = media, params["boundary"], params["charset"], params["report-type"]
	return pt
}

// maxSimpleParams is the most parameters simpleContentType reads.
const maxSimpleParams = 8

// simpleContentType reads the Content-Type value ct into pt when it is simple: printable ASCII
// without the forms that need mime.ParseMediaType's care (RFC 2231 "name*=" parameters,
// backslash escapes, line breaks) and well formed, as almost every one is. It reads it exactly
// as mime.ParseMediaType does (TestSimpleContentTypeAsMime), without a map or a string per
// parameter; it returns false, having set nothing, for any other value.
func simpleContentType(ct string, pt *partType) bool {
	for i := 0; i < len(ct); i++ {
		if c := ct[i]; c >= 0x80 || c == '*' || c == '\\' || c == '\r' || c == '\n' {
			return false
		}
	}
	base, _, _ := strings.Cut(ct, ";")
	params := ct[len(base):] // from the ';' on
	media := toLower(strings.TrimSpace(base))
	typ, rest := cutToken(media)
	if typ == "" {
		return false
	}
	if rest != "" {
		if rest[0] != '/' {
			return false
		}
		if sub, rest := cutToken(rest[1:]); sub == "" || rest != "" {
			return false
		}
	}
	var seen [maxSimpleParams]struct{ key, value string }
	n := 0
	var out partType
	for v := params; ; {
		v = trimLeftASCIISpace(v)
		if v == "" {
			break
		}
		if v[0] != ';' {
			return false
		}
		rest := trimLeftASCIISpace(v[1:])
		key, rest := cutToken(rest)
		if key == "" {
			if strings.TrimSpace(v) == ";" {
				break // trailing semicolons
			}
			return false
		}
		rest = trimLeftASCIISpace(rest)
		if rest == "" || rest[0] != '=' {
			return false
		}
		rest = trimLeftASCIISpace(rest[1:])
		var value string
		if rest != "" && rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return false
			}
			value, rest = rest[1:1+end], rest[2+end:]
		} else {
			value, rest = cutToken(rest)
			if value == "" {
				return false
			}
		}
		key = toLower(key)
		for _, s := range seen[:n] {
			if s.key == key && s.value != value {
				return false // mime refuses the duplicate
			}
		}
		if n == len(seen) {
			return false
		}
		seen[n] = struct{ key, value string }{key, value}
		n++
		switch key {
		case "boundary":
			out.boundary = value
		case "charset":
			out.charset = value
		case "report-type":
			out.reportType = value
		}
		v = rest
	}
	pt.media, pt.boundary, pt.charset, pt.reportType = media, out.boundary, out.charset, out.reportType
	return true
}

// cutToken splits s after its leading MIME token (RFC 2045: printable ASCII but tspecials).
func cutToken(s string) (token, rest string) {
	for i := 0; i < len(s); i++ {
		if !isMIMETokenChar(s[i]) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

func isMIMETokenChar(c byte) bool { return mimeTokenChars[c] }

// mimeTokenChars are the bytes of a MIME token: printable ASCII but the tspecials.
var mimeTokenChars = func() (set [256]bool) {
	for c := '!'; c < 0x7f; c++ {
		set[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, c)
	}
	return set
}()

// trimLeftASCIISpace trims the white space that unicode.IsSpace sees in ASCII.
func trimLeftASCIISpace(s string) string {
	for s != "" {
		switch s[0] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			s = s[1:]
			continue
		}
		break
	}
	return s
}
