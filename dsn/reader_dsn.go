package dsn

import "strings"

// deliveryStatusReader reads a delivery status notification (RFC 3464): a message with a
// message/delivery-status part, or Final-Recipient fields in its text.
var deliveryStatusReader = reader{
	name:  "delivery-status",
	stage: stageStructured, order: 40,
	detect: func(p *interpreter) bool { return len(p.c.statusBlobs) > 0 },
	read:   (*interpreter).deliveryStatus,
}

func init() { register(deliveryStatusReader) }

// deliveryStatus reads the fields of message/delivery-status parts (RFC 3464, RFC 6533).
func (p *interpreter) deliveryStatus() {
	msg, recs := parseStatusBlobs(p.c.statusBlobs)
	rep := p.rep
	rep.ReportingMTA = typedValueOnly(msg.get("reporting-mta"))
	rep.ArrivalDate = msg.get("arrival-date")
	rep.Original.EnvelopeID = msg.get("original-envelope-id")
	p.oneRecipient = len(recs) == 1
	for _, rec := range recs {
		addr := normalizeAddress(typedValueOnly(rec.get("final-recipient")))
		orig := normalizeAddress(typedValueOnly(rec.get("original-recipient")))
		// An address with a NUL byte or a terminal escape sequence is kept as written, no other
		// dug out of it: it is marked invalid (see ValidMailbox), and never reported.
		if !hasControlByte(addr) && !validAddress(addr) {
			if a := normalizeAddress(typedValueOnly(rec.get("x-actual-recipient"))); strings.Contains(a, "@") {
				addr = a
			} else if validAddress(orig) {
				addr = orig
			} else if a := firstAddress(rec.get("final-recipient")); validAddress(a) {
				addr = a
			} else {
				addr = ""
			}
		}
		if addr == "" {
			// No usable address (a source route, a bare "@host"): the text may name the
			// recipient; keep what the record says for it.
			p.orphans = append(p.orphans, rec)
			continue
		}
		if strings.EqualFold(orig, addr) {
			orig = ""
		}
		diagType, diag := typedValue(rec.get("diagnostic-code"))
		r := Recipient{
			Address:         addr,
			OriginalAddress: orig,
			Action:          normalizeAction(rec.get("action")),
			Status:          findStatus(rec.get("status")),
			Diagnostic:      diag,
			DiagnosticType:  diagType,
			RemoteMTA:       typedValueOnly(rec.get("remote-mta")),
			LastAttempt:     rec.get("last-attempt-date"),
			Evidence:        EvidenceDSNField,
		}
		p.complete(&r)
		rep.Recipients = append(rep.Recipients, r)
	}
	if len(rep.Recipients) > 0 && rep.MTA == "" {
		rep.MTA = detectMTA(p.c.top, p.lower, p.lowerTriples, true)
	}
}
