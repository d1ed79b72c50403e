// Package jsonw writes JSON without reflection, as encoding/json writes it with HTML escaping
// off: strings (AppendString) and the fields of an object (AppendField). The parser's reports
// (dsn) and the application's reports (feedback) are written with it, held byte for byte to
// encoding/json by their tests.
package jsonw

import "unicode/utf8"

// AppendField appends ,"name":"value" to dst (nothing when omitEmpty and value is empty).
func AppendField(dst []byte, name, value string, omitEmpty bool) []byte {
	if omitEmpty && value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, name...)
	dst = append(dst, '"', ':')
	return AppendString(dst, value)
}

const hexDigits = "0123456789abcdef"

// plainWord tells whether the eight bytes of w are all plain: none of 0x80 and above,
// none below 0x20, no quote, no backslash (the tests of a zero byte and of a byte below n of
// "Bit Twiddling Hacks", exact once the 8-bit bytes are ruled out).
func plainWord(w uint64) bool {
	const ones = 0x0101010101010101
	const high = 0x80 * ones
	hasZero := func(v uint64) bool { return (v-ones)&^v&high != 0 }
	return w&high == 0 && (w-0x20*ones)&^w&high == 0 && !hasZero(w^'"'*ones) && !hasZero(w^'\\'*ones)
}

// plain tells the ASCII bytes that a JSON string holds as they are: printable, neither a
// quote nor a backslash.
var plain = func() (plain [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
	}
	return plain
}()

// AppendString appends s as a JSON string as encoding/json writes it without HTML escaping:
// quotes, backslashes and control characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028
// and U+2029 escaped.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainWord(load8(s[i:])) {
			i += 8
			continue
		}
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// load8 returns the first eight bytes of s (at least eight long) as a little-endian word.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
