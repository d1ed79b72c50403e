package dsn

import (
	"slices"
	"strings"
)

// arfReader reads an ARF feedback report (RFC 5965): a complaint.
var arfReader = reader{
	name:  "arf",
	stage: stageStructured, order: 10,
	detect: func(p *interpreter) bool { return p.c.feedbackBlob != nil || p.c.reportType == "feedback-report" },
	read:   (*interpreter).complaint,
}

// jmrpReader reads a complaint of Microsoft's Junk Mail Reporting Program.
var jmrpReader = reader{
	name:  "jmrp",
	stage: stageStructured, order: 20,
	detect: (*interpreter).isJMRP,
	read: func(p *interpreter) {
		p.complaint()
		p.rep.MTA = "jmrp"
	},
}

func init() { register(arfReader, jmrpReader) }

// UndisclosedRecipient stands for the recipient of a complaint whose report does not name it
// (redacted by the feedback loop). It is the placeholder Sisimai uses, so that results compare,
// under the reserved .invalid top-level domain (RFC 2606): no real address can match it.
const UndisclosedRecipient = "undisclosed-recipient-in-headers@libsisimai.org.invalid"

// complaint reads an ARF feedback report (RFC 5965).
func (p *interpreter) complaint() {
	fb := parseHeaderBytes(p.c.feedbackBlob)
	rep := p.rep
	rep.Kind = KindComplaint
	rep.MTA = "arf"
	rep.FeedbackType = toLower(fb.get("feedback-type"))
	if rep.FeedbackType == "" {
		rep.FeedbackType = "abuse"
	}
	rep.ReportingMTA = typedValueOnly(fb.get("reporting-mta"))
	if rep.ReportingMTA == "" {
		rep.ReportingMTA = fb.get("user-agent")
	}
	rep.ArrivalDate = fb.get("arrival-date")
	if rep.ArrivalDate == "" {
		rep.ArrivalDate = fb.get("received-date")
	}
	var addrs []string
	evidence := EvidenceDSNField
	for _, f := range fb {
		if f.key == "original-rcpt-to" || f.key == "removal-recipient" {
			// (Both fields often name the same address.)
			if a := firstAddress(f.value); a != "" && !slices.ContainsFunc(addrs, func(b string) bool { return strings.EqualFold(a, b) }) {
				addrs = append(addrs, a)
			}
		}
	}
	if len(addrs) == 0 && p.c.hasOriginal {
		// Microsoft's JMRP reports name the complaining recipient in the returned message.
		evidence = EvidenceOriginalTo
		if a := firstAddress(p.c.original.get("x-hmxmroriginalrecipient")); a != "" {
			addrs = append(addrs, a)
		} else if a := firstAddress(p.c.original.get("to")); a != "" {
			addrs = append(addrs, a)
		}
	}
	if len(addrs) == 0 {
		// Many feedback loops redact the complaining recipient. The complaint still counts
		// (its campaign and Message-ID say which mailing drew it): it is reported for an
		// address that cannot exist.
		addrs = append(addrs, UndisclosedRecipient)
		evidence = EvidenceGuess
	}
	for _, a := range addrs {
		rep.Recipients = append(rep.Recipients, Recipient{
			Address: a, Diagnostic: firstLine(p.text), Reason: ReasonFeedback, Category: CategoryComplaint, Evidence: evidence,
		})
	}
}

// isJMRP tells a complaint of Microsoft's Junk Mail Reporting Program (Outlook.com, Hotmail):
// not ARF, but the reported message returned whole (attached, or as the message itself), marked
// with X-HmXmrOriginalRecipient.
func (p *interpreter) isJMRP() bool {
	if !p.c.hasOriginal {
		return false
	}
	if p.c.original.get("x-hmxmroriginalrecipient") != "" {
		return true
	}
	if from := toLower(firstAddress(p.c.top.get("from"))); !strings.HasSuffix(from, "@hotmail.com") {
		return false
	}
	subject := toLower(p.c.top.decoded("subject"))
	return strings.HasPrefix(strings.TrimSpace(subject), "complaint about message from")
}
