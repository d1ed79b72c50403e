package dsn

// Reason is one word of the reason vocabulary (docs/reasons.md): why a recipient's mail failed,
// or what else a report says of it (feedback, vacation, delivered).
type Reason string

// The reason vocabulary. Its category and hardness are given by Judge.
const (
	ReasonUserUnknown     Reason = "userunknown"
	ReasonHasMoved        Reason = "hasmoved"
	ReasonSuspend         Reason = "suspend"
	ReasonMailboxFull     Reason = "mailboxfull"
	ReasonFiltered        Reason = "filtered"
	ReasonMailerError     Reason = "mailererror"
	ReasonExceedLimit     Reason = "exceedlimit"
	ReasonSuppressed      Reason = "suppressed"
	ReasonHostUnknown     Reason = "hostunknown"
	ReasonNotAccept       Reason = "notaccept"
	ReasonNetworkError    Reason = "networkerror"
	ReasonNoRelaying      Reason = "norelaying"
	ReasonBlocked         Reason = "blocked"
	ReasonBadReputation   Reason = "badreputation"
	ReasonRequirePTR      Reason = "requireptr"
	ReasonAuthFailure     Reason = "authfailure"
	ReasonRejected        Reason = "rejected"
	ReasonSpamDetected    Reason = "spamdetected"
	ReasonVirusDetected   Reason = "virusdetected"
	ReasonPolicyViolation Reason = "policyviolation"
	ReasonContentError    Reason = "contenterror"
	ReasonNotCompliantRFC Reason = "notcompliantrfc"
	ReasonMesgTooBig      Reason = "mesgtoobig"
	ReasonSecurityError   Reason = "securityerror"
	ReasonFailedSTARTTLS  Reason = "failedstarttls"
	ReasonSyntaxError     Reason = "syntaxerror"
	ReasonSpeeding        Reason = "speeding"
	ReasonTooManyConn     Reason = "toomanyconn"
	ReasonSystemError     Reason = "systemerror"
	ReasonSystemFull      Reason = "systemfull"
	ReasonExpired         Reason = "expired"
	ReasonOnHold          Reason = "onhold"
	ReasonUndefined       Reason = "undefined"
	ReasonFeedback        Reason = "feedback"
	ReasonVacation        Reason = "vacation"
	ReasonDelivered       Reason = "delivered"
)

// Category is the coarse family of a reason that a list manager reasons about.
type Category string

// The categories of the reasons.
const (
	CategoryRecipient Category = "recipient"
	CategoryDomain    Category = "domain"
	CategoryRelay     Category = "relay"
	CategoryAntispam  Category = "antispam"
	CategoryContent   Category = "content"
	CategorySystem    Category = "system"
	CategoryUnknown   Category = "unknown"
	CategoryComplaint Category = "complaint"
	CategoryAutoreply Category = "autoreply"
	CategorySuccess   Category = "success"
)

// Action is the RFC 3464 action of a recipient: what the reporting MTA did with its mail.
// It is empty for complaints and auto-replies.
type Action string

// The actions of RFC 3464, section 2.3.3.
const (
	ActionFailed    Action = "failed"
	ActionDelayed   Action = "delayed"
	ActionDelivered Action = "delivered"
	ActionRelayed   Action = "relayed"
	ActionExpanded  Action = "expanded"
)
