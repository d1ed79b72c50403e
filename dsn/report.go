// Package dsn parses bounce messages (RFC 3464 delivery status notifications, RFC 5965 ARF
// complaints, RFC 3834 auto-replies and the non-standard bounces of real MTAs) into reports, and
// classifies each failed recipient with a reason from rebound's vocabulary.
//
// The package does no I/O beyond reading the io.Reader it is given.
package dsn

// Kind says what a message is, from the sender's point of view.
type Kind string

// The kinds of message Parse recognises.
const (
	KindBounce    Kind = "bounce"     // at least one recipient failed permanently or temporarily
	KindDelay     Kind = "delay"      // delivery is delayed, not failed (Action: delayed)
	KindComplaint Kind = "complaint"  // an ARF feedback report (RFC 5965)
	KindAutoReply Kind = "autoreply"  // an RFC 3834 auto-reply (vacation, out of office)
	KindSuccess   Kind = "success"    // a delivery success notice (Action: delivered/relayed/expanded)
	KindNotBounce Kind = "not-bounce" // anything else: a human reply, a newsletter, spam
)

// Report is what Parse finds in one message.
type Report struct {
	Kind         Kind   `json:"kind"`
	MTA          string `json:"mta,omitempty"`           // the format that decoded it: postfix, exim, qmail, rfc3464, arf, ...
	ReportingMTA string `json:"reporting_mta,omitempty"` // Reporting-MTA, or the host that wrote the bounce
	ArrivalDate  string `json:"arrival_date,omitempty"`
	FeedbackType string `json:"feedback_type,omitempty"` // ARF Feedback-Type (abuse, fraud, ...)

	// The bounce message's own identity: used to derive stable report ids.
	MessageID string `json:"message_id,omitempty"`
	Date      string `json:"date,omitempty"`
	From      string `json:"from,omitempty"`
	Subject   string `json:"subject,omitempty"`

	Original   Original    `json:"original"`
	Recipients []Recipient `json:"recipients"`
}

// Original identifies the message that bounced.
type Original struct {
	MessageID  string `json:"message_id,omitempty"`
	From       string `json:"from,omitempty"`
	To         string `json:"to,omitempty"`
	Subject    string `json:"subject,omitempty"`
	Date       string `json:"date,omitempty"`
	ReturnPath string `json:"return_path,omitempty"`
	EnvelopeID string `json:"envelope_id,omitempty"`
	Campaign   string `json:"campaign,omitempty"`
	Subscriber string `json:"subscriber,omitempty"` // the application's id of the recipient (SubscriberHeaders)
}

// Recipient is one recipient that a report speaks of.
type Recipient struct {
	Address         string   `json:"address"`
	OriginalAddress string   `json:"original_address,omitempty"`
	Action          Action   `json:"action"` // failed, delayed, delivered, relayed, expanded; empty for complaints and auto-replies
	Status          string   `json:"status"` // most specific RFC 3463 code found, or its class digit alone
	ReplyCode       string   `json:"reply_code,omitempty"`
	Diagnostic      string   `json:"diagnostic,omitempty"`
	DiagnosticType  string   `json:"diagnostic_type,omitempty"`
	RemoteMTA       string   `json:"remote_mta,omitempty"`
	Command         string   `json:"command,omitempty"`
	LastAttempt     string   `json:"last_attempt,omitempty"`
	Reason          Reason   `json:"reason"`
	Category        Category `json:"category"`
	Hard            bool     `json:"hard"`
	// Evidence says where the address was read (see the Evidence constants).
	Evidence Evidence `json:"evidence"`
	// Invalid marks an address that is no RFC 5321 mailbox (a control character, a NUL byte):
	// kept in the parse output for the record, never reported to the application.
	Invalid bool `json:"invalid,omitempty"`
	// SenderSide marks one of the sender's own addresses (see docs/parsing.md) that is reported
	// all the same, because the MTA itself named it, and nothing else, as the failed recipient:
	// a DSN field, X-Failed-Recipients or a known MTA's failed-address block. It is never hard.
	SenderSide bool `json:"sender_side,omitempty"`

	commandFromTranscript bool // Command was read from a session transcript
	vagueDiagnostic       bool // Diagnostic is only the opening lines of the notice
}
