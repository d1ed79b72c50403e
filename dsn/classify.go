package dsn

// Classification is the judgement on one recipient.
type Classification struct {
	Reason   string
	Category string
	Hard     bool
}

// ClassifyInput is what the classifier looks at.
type ClassifyInput struct {
	Action     string // failed, delayed, delivered, ...
	Status     string // RFC 3463 code, maybe the class digit only
	ReplyCode  string // SMTP reply code
	Diagnostic string // diagnostic text and any other explanation found for this recipient
	Command    string // SMTP command that failed (RCPT, DATA, ...)
	MTA        string // format that decoded the message
}

// Classify returns the reason, category and hard flag for one recipient, checking the user's
// rules (may be nil) before the built-in table.
func Classify(in ClassifyInput, user *Rules) Classification {
	return Classification{Reason: "undefined", Category: "unknown"}
}
