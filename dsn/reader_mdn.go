package dsn

import (
	"strings"
	"unicode/utf8"
)

// dispositionReader reads a message disposition notification (RFC 8098).
var dispositionReader = reader{
	name:  "mdn",
	stage: stageStructured, order: 50,
	detect: func(p *interpreter) bool { return p.c.mdnBlob != nil },
	read:   (*interpreter).dispositionNotification,
}

func init() { register(dispositionReader) }

// dispositionNotification reads a message disposition notification (RFC 8098, RFC 6533's
// message/global-disposition-notification). Most are read receipts, which say nothing of a
// failure. One is a refusal: a Sieve "reject" (RFC 5429) answers with an MDN whose disposition
// is "deleted", marked as a rejection; the recipient's own rules refused the message, and the
// reason is theirs to state.
func (p *interpreter) dispositionNotification() {
	f := parseHeaderBytes(p.c.mdnBlob)
	rep := p.rep
	rep.MTA = "mdn"
	// Reporting-UA: the host, then the product after a semicolon.
	host, _, _ := strings.Cut(f.get("reporting-ua"), ";")
	rep.ReportingMTA = strings.TrimSpace(host)
	p.originalID = firstMessageID(f.get("original-message-id"))
	mode, disposition := splitDisposition(f.get("disposition"))
	if !p.isRejection(mode, disposition) {
		rep.Kind = KindNotBounce // a read receipt, or a message deleted unread
		return
	}
	addr := normalizeAddress(typedValueOnly(f.get("final-recipient")))
	orig := normalizeAddress(typedValueOnly(f.get("original-recipient")))
	if !validAddress(addr) {
		addr = orig
	}
	if !validAddress(addr) {
		rep.Kind = KindNotBounce
		return
	}
	if strings.EqualFold(orig, addr) {
		orig = ""
	}
	r := Recipient{
		Address:         addr,
		OriginalAddress: orig,
		Action:          "failed",
		Status:          "5",
		Diagnostic:      mdnExplanation(p.text, f),
		Evidence:        EvidenceDSNField,
	}
	if s := findStatus(r.Diagnostic); s != "" {
		r.Status = s
	}
	r.ReplyCode = findReplyCode(r.Diagnostic)
	cl := Classify(ClassifyInput{
		Action: r.Action, Status: r.Status, ReplyCode: r.ReplyCode, Diagnostic: r.Diagnostic,
		MTA: rep.MTA, Recipient: r.Address, Header: p.c.top.get,
	}, p.opts.Rules)
	if cl.Reason == ReasonOnHold || cl.Reason == ReasonUndefined {
		// The recipient's filter said no and gave no cause that the rules know.
		cl = Judge(ReasonFiltered, r.Status, r.ReplyCode)
	}
	r.Reason, r.Category, r.Hard = cl.Reason, cl.Category, cl.Hard
	rep.Recipients = append(rep.Recipients, r)
}

// splitDisposition splits "automatic-action/MDN-sent-automatically; deleted/error" into the
// action mode ("automatic-action") and the disposition type ("deleted").
func splitDisposition(v string) (mode, disposition string) {
	v = toLower(v)
	before, after, _ := strings.Cut(v, ";")
	mode, _, _ = strings.Cut(strings.TrimSpace(before), "/")
	disposition, _, _ = strings.Cut(strings.TrimSpace(after), "/")
	return mode, strings.TrimSpace(disposition)
}

// isRejection tells a refusal from a receipt. Outlook also sends "deleted" automatically, when a
// message is deleted unread: a rejection says so in its Auto-Submitted field (RFC 5429:
// "auto-replied (rejected)"), its subject or its text.
func (p *interpreter) isRejection(mode, disposition string) bool {
	switch disposition {
	case "deleted", "denied", "failed":
	default:
		return false
	}
	if mode != "automatic-action" {
		return false
	}
	if strings.Contains(toLower(p.c.top.get("auto-submitted")), "rejected") {
		return true
	}
	subject := toLower(p.c.top.decoded("subject"))
	opening := p.lower
	if len(opening) > 1024 {
		opening = opening[:1024]
	}
	return strings.Contains(subject, "reject") || strings.Contains(opening, "reject")
}

// mdnExplanation is the human-readable reason of a refusal: the text part, unfolded, and the
// Failure and Error fields of the notification.
func mdnExplanation(text string, f header) string {
	if len(text) > 2048 {
		cut := 2048
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut-- // not inside a character
		}
		text = text[:cut]
	}
	parts := []string{strings.Join(strings.Fields(text), " ")}
	for _, k := range []string{"failure", "error"} {
		if v := f.get(k); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
