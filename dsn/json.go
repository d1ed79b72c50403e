package dsn

import (
	"strconv"

	"github.com/rebound/rebound/internal/jsonw"
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
	return jsonw.AppendField(dst, name, value, omitEmpty)
}

// fixFirstComma removes the comma that the first field of an object opened at start wrote.
func fixFirstComma(dst []byte, start int) []byte {
	if len(dst) > start+1 && dst[start+1] == ',' {
		dst = append(dst[:start+1], dst[start+2:]...)
	}
	return append(dst, '}')
}

// appendJSONString appends s as a JSON string (jsonw.AppendString).
func appendJSONString(dst []byte, s string) []byte { return jsonw.AppendString(dst, s) }
