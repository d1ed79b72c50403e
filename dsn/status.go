package dsn

import (
	"bytes"
	"strings"
)

// statusRecord is one group of delivery-status fields: the per-message group or one recipient.
type statusRecord struct{ fields header }

func (r *statusRecord) get(k string) string { return r.fields.get(k) }

var recipientIDKeys = map[string]bool{"final-recipient": true, "original-recipient": true, "x-actual-recipient": true}

// parseStatusBlobs reads the fields of message/delivery-status parts. Fields before the first
// recipient field are per-message; a recipient group starts at a recipient field that the
// current group already has, or that follows a blank line.
func parseStatusBlobs(blobs [][]byte) (msg header, recipients []*statusRecord) {
	for _, blob := range blobs {
		// The values are cut from one string of the blob when it is small enough to share (see
		// maxSharedHeader), each copied on its own otherwise.
		shared := ""
		if len(blob) <= maxSharedHeader {
			shared = string(blob)
		}
		valueOf := func(v []byte, at int) string {
			if len(v) == 0 {
				return ""
			}
			if shared != "" {
				return shared[at : at+len(v)]
			}
			return string(v)
		}
		var cur *statusRecord
		blank := false
		for at := 0; at < len(blob); {
			line := blob[at:]
			lineAt := at
			if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
				line = line[:nl]
				at += nl + 1
			} else {
				at = len(blob)
			}
			if len(bytes.TrimSpace(line)) == 0 {
				blank = true
				continue
			}
			if line[0] == ' ' || line[0] == '\t' {
				target := &msg
				if cur != nil {
					target = &cur.fields
				}
				if n := len(*target); n > 0 {
					(*target)[n-1].value += " " + string(bytes.TrimSpace(line))
				}
				continue
			}
			k, v, ok := splitField(line)
			if !ok {
				continue
			}
			key := fieldName(k)
			vt := bytes.TrimSpace(v)
			f := field{key: key, value: valueOf(vt, lineAt+len(line)-len(v)+(cap(v)-cap(vt)))}
			if recipientIDKeys[key] {
				if cur == nil || cur.fields.has(key) || blank && cur.fields.has("action") {
					cur = &statusRecord{}
					recipients = append(recipients, cur)
				}
			} else if cur == nil && (key == "action" || key == "status" || key == "diagnostic-code") {
				cur = &statusRecord{}
				recipients = append(recipients, cur)
			}
			blank = false
			if cur == nil {
				msg = append(msg, f)
			} else {
				cur.fields = append(cur.fields, f)
			}
		}
	}
	return msg, recipients
}

// typedValue splits "type; value" as used by Final-Recipient, Diagnostic-Code, Remote-MTA.
func typedValue(s string) (typ, value string) {
	t, v, ok := strings.Cut(s, ";")
	if !ok || strings.ContainsAny(t, " <@") && !strings.EqualFold(strings.TrimSpace(t), "x-unix") {
		return "", strings.TrimSpace(s)
	}
	return toLower(strings.TrimSpace(t)), strings.TrimSpace(v)
}

// statusFieldsInText finds delivery-status fields pasted into a text part (a multipart whose
// boundaries are missing, a forwarded report): the lines from the first Reporting-MTA or
// Final-Recipient field on that look like fields, continuation lines or blank lines.
func statusFieldsInText(text string) []byte {
	lower := asciiLower(text) // byte offsets of lower are offsets in text
	i := strings.Index(lower, "final-recipient:")
	if i < 0 {
		return nil
	}
	if j := strings.Index(lower, "reporting-mta:"); j >= 0 && j < i {
		i = j
	}
	i = strings.LastIndexByte(text[:i], '\n') + 1
	var out []byte
	for _, line := range strings.Split(text[i:], "\n") {
		t := []byte(line)
		if _, _, ok := splitField(t); !ok && strings.TrimSpace(line) != "" && line[0] != ' ' && line[0] != '\t' {
			break
		}
		out = append(append(out, t...), '\n')
	}
	return out
}
