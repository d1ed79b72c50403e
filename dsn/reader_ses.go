package dsn

import (
	"encoding/json"
	"strings"
)

// sesNotification is the JSON that Amazon SES publishes (through SNS, often by email) for a
// bounce, a complaint or a delivery.
type sesNotification struct {
	NotificationType string `json:"notificationType"`
	EventType        string `json:"eventType"`
	Bounce           *struct {
		BounceType        string `json:"bounceType"`
		BounceSubType     string `json:"bounceSubType"`
		ReportingMTA      string `json:"reportingMTA"`
		Timestamp         string `json:"timestamp"`
		BouncedRecipients []struct {
			EmailAddress   string `json:"emailAddress"`
			Action         string `json:"action"`
			Status         string `json:"status"`
			DiagnosticCode string `json:"diagnosticCode"`
		} `json:"bouncedRecipients"`
	} `json:"bounce"`
	Complaint *struct {
		ComplaintFeedbackType string `json:"complaintFeedbackType"`
		UserAgent             string `json:"userAgent"`
		ComplainedRecipients  []struct {
			EmailAddress string `json:"emailAddress"`
		} `json:"complainedRecipients"`
	} `json:"complaint"`
	Delivery *struct {
		Recipients   []string `json:"recipients"`
		SMTPResponse string   `json:"smtpResponse"`
		ReportingMTA string   `json:"reportingMTA"`
	} `json:"delivery"`
	Mail struct {
		MessageID     string `json:"messageId"`
		Source        string `json:"source"`
		CommonHeaders struct {
			From      []string `json:"from"`
			To        []string `json:"to"`
			Subject   string   `json:"subject"`
			MessageID string   `json:"messageId"`
		} `json:"commonHeaders"`
		Headers []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"headers"`
	} `json:"mail"`
	// Message holds the notification itself when it is wrapped in an SNS envelope.
	Message string `json:"Message"`
}

// sesReader reads an Amazon SES notification (JSON, often wrapped in an SNS envelope) in the
// text of a message.
var sesReader = reader{
	name:  "amazonses",
	stage: stageStructured, order: 60,
	detect: func(p *interpreter) bool { return decodeSES(p.text) != nil },
	read:   (*interpreter).sesNotification,
}

func init() { register(sesReader) }

// decodeSES returns the Amazon SES notification in text, or nil.
func decodeSES(text string) *sesNotification {
	i := strings.Index(text, "{")
	if i < 0 || !strings.Contains(text, "notificationType") && !strings.Contains(text, "eventType") {
		return nil
	}
	// SNS folds long lines of its e-mails with "!" + newline + space.
	body := strings.ReplaceAll(text[i:], "!\n ", "")
	var n sesNotification
	if err := json.NewDecoder(strings.NewReader(body)).Decode(&n); err != nil {
		return nil
	}
	if n.Message != "" {
		if err := json.Unmarshal([]byte(n.Message), &n); err != nil {
			return nil
		}
	}
	return &n
}

// sesNotification reads the Amazon SES notification in the text of a message: a bounce, a
// complaint or a delivery; any other kind names the format and nothing more.
func (p *interpreter) sesNotification() {
	n := decodeSES(p.text)
	if n == nil {
		return
	}
	kind := n.NotificationType
	if kind == "" {
		kind = n.EventType
	}
	rep := p.rep
	rep.MTA = "amazonses"
	if !p.c.hasOriginal {
		h := header{}
		for _, f := range n.Mail.Headers {
			h = append(h, field{key: toLower(f.Name), value: f.Value})
		}
		if !h.has("message-id") && n.Mail.MessageID != "" {
			h = append(h, field{key: "message-id", value: n.Mail.MessageID})
		}
		p.c.original, p.c.hasOriginal = h, len(h) > 0
	}
	switch {
	case kind == "Bounce" && n.Bounce != nil:
		rep.ReportingMTA = typedValueOnly(n.Bounce.ReportingMTA)
		for _, b := range n.Bounce.BouncedRecipients {
			addr := normalizeAddress(b.EmailAddress)
			if !validAddress(addr) {
				continue // a record without an address names no one to report
			}
			typ, diag := typedValue(b.DiagnosticCode)
			r := Recipient{
				Address: addr, Action: normalizeAction(b.Action),
				Status: findStatus(b.Status), Diagnostic: diag, DiagnosticType: typ,
				Evidence: EvidenceDSNField,
			}
			if r.Action == "" {
				r.Action = ActionFailed
				if n.Bounce.BounceType == "Transient" {
					r.Action = ActionDelayed
				}
			}
			p.complete(&r)
			switch n.Bounce.BounceSubType {
			case "Suppressed", "OnAccountSuppressionList":
				// SES refused the address itself, from its suppression list.
				cl := Judge(ReasonSuppressed, r.Status, r.ReplyCode)
				r.Reason, r.Category, r.Hard = cl.Reason, cl.Category, cl.Hard
			}
			rep.Recipients = append(rep.Recipients, r)
		}
	case kind == "Complaint" && n.Complaint != nil:
		rep.Kind = KindComplaint
		rep.FeedbackType = n.Complaint.ComplaintFeedbackType
		if rep.FeedbackType == "" {
			rep.FeedbackType = "abuse"
		}
		for _, c := range n.Complaint.ComplainedRecipients {
			if addr := normalizeAddress(c.EmailAddress); validAddress(addr) {
				rep.Recipients = append(rep.Recipients, Recipient{Address: addr, Reason: ReasonFeedback, Category: CategoryComplaint, Evidence: EvidenceDSNField})
			}
		}
	case kind == "Delivery" && n.Delivery != nil:
		rep.ReportingMTA = n.Delivery.ReportingMTA
		for _, a := range n.Delivery.Recipients {
			addr := normalizeAddress(a)
			if !validAddress(addr) {
				continue
			}
			r := Recipient{Address: addr, Action: ActionDelivered, Diagnostic: n.Delivery.SMTPResponse, Evidence: EvidenceDSNField}
			p.complete(&r)
			rep.Recipients = append(rep.Recipients, r)
		}
	}
}
