package dsn

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends to dst the JSON object of r with source as its first field ("source"), and
// returns the extended buffer: the bytes that encoding/json writes for
// struct{Source string `json:"source"`; *Report} with HTML escaping off, without the final
// newline, but with no reflection and no allocation beyond dst's growth. `rebound parse --json`
// prints millions of them; TestAppendJSON holds it to encoding/json's output.
func (r *Report) AppendJSON(dst []byte, source string) []byte {
	dst = append(dst, `{"source":`...)
	dst = appendJSONString(dst, source)
	dst = appendField(dst, "kind", string(r.Kind), false)
	dst = appendField(dst, "mta", r.MTA, true)
	dst = appendField(dst, "reporting_mta", r.ReportingMTA, true)
	dst = appendField(dst, "arrival_date", r.ArrivalDate, true)
	dst = appendField(dst, "feedback_type", r.FeedbackType, true)
	dst = appendField(dst, "message_id", r.MessageID, true)
	dst = appendField(dst, "date", r.Date, true)
	dst = appendField(dst, "from", r.From, true)
	dst = appendField(dst, "subject", r.Subject, true)
	dst = append(dst, `,"original":`...)
	dst = r.Original.appendJSON(dst)
	dst = append(dst, `,"recipients":`...)
	if r.Recipients == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range r.Recipients {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = r.Recipients[i].appendJSON(dst)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

func (o *Original) appendJSON(dst []byte) []byte {
	start := len(dst)
	dst = append(dst, '{')
	dst = appendField(dst, "message_id", o.MessageID, true)
	dst = appendField(dst, "from", o.From, true)
	dst = appendField(dst, "to", o.To, true)
	dst = appendField(dst, "subject", o.Subject, true)
	dst = appendField(dst, "date", o.Date, true)
	dst = appendField(dst, "return_path", o.ReturnPath, true)
	dst = appendField(dst, "envelope_id", o.EnvelopeID, true)
	dst = appendField(dst, "campaign", o.Campaign, true)
	dst = appendField(dst, "subscriber", o.Subscriber, true)
	return fixFirstComma(dst, start)
}

func (rc *Recipient) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"address":`...)
	dst = appendJSONString(dst, rc.Address)
	dst = appendField(dst, "original_address", rc.OriginalAddress, true)
	dst = appendField(dst, "action", string(rc.Action), false)
	dst = appendField(dst, "status", rc.Status, false)
	dst = appendField(dst, "reply_code", rc.ReplyCode, true)
	dst = appendField(dst, "diagnostic", rc.Diagnostic, true)
	dst = appendField(dst, "diagnostic_type", rc.DiagnosticType, true)
	dst = appendField(dst, "remote_mta", rc.RemoteMTA, true)
	dst = appendField(dst, "command", rc.Command, true)
	dst = appendField(dst, "last_attempt", rc.LastAttempt, true)
	dst = appendField(dst, "reason", string(rc.Reason), false)
	dst = appendField(dst, "category", string(rc.Category), false)
	dst = append(dst, `,"hard":`...)
	dst = strconv.AppendBool(dst, rc.Hard)
	dst = appendField(dst, "evidence", string(rc.Evidence), false)
	if rc.Invalid {
		dst = append(dst, `,"invalid":true`...)
	}
	if rc.SenderSide {
		dst = append(dst, `,"sender_side":true`...)
	}
	return append(dst, '}')
}

// appendField appends ,"name":"value" (nothing when omitEmpty and value is empty).
func appendField(dst []byte, name, value string, omitEmpty bool) []byte {
	if omitEmpty && value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, name...)
	dst = append(dst, '"', ':')
	return appendJSONString(dst, value)
}

// fixFirstComma removes the comma that the first field of an object opened at start wrote.
func fixFirstComma(dst []byte, start int) []byte {
	if len(dst) > start+1 && dst[start+1] == ',' {
		dst = append(dst[:start+1], dst[start+2:]...)
	}
	return append(dst, '}')
}

const hexDigits = "0123456789abcdef"

// jsonPlainWord tells whether the eight bytes of w are all jsonPlain: none of 0x80 and above,
// none below 0x20, no quote, no backslash (the tests of a zero byte and of a byte below n of
// "Bit Twiddling Hacks", exact once the 8-bit bytes are ruled out).
func jsonPlainWord(w uint64) bool {
	const ones = 0x0101010101010101
	const high = 0x80 * ones
	hasZero := func(v uint64) bool { return (v-ones)&^v&high != 0 }
	return w&high == 0 && (w-0x20*ones)&^w&high == 0 && !hasZero(w^'"'*ones) && !hasZero(w^'\\'*ones)
}

// jsonPlain tells the ASCII bytes that a JSON string holds as they are: printable, neither a
// quote nor a backslash.
var jsonPlain = func() (plain [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
	}
	return plain
}()

// appendJSONString appends s as a JSON string as encoding/json writes it without HTML escaping:
// quotes, backslashes and control characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028
// and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && jsonPlainWord(loadString8(s[i:])) {
			i += 8
			continue
		}
		c := s[i]
		if jsonPlain[c] {
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

// AppendJSONString appends s as a JSON string, as encoding/json writes it with HTML escaping
// off, for the packages that write reports as JSON without reflection (feedback).
func AppendJSONString(dst []byte, s string) []byte { return appendJSONString(dst, s) }
