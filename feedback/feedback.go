// Package feedback turns parsed bounces into reports for the sending application and delivers
// them: an HTTP webhook in rebound's JSON, listmonk's bounce webhook or SPIP Newsletters' form,
// a command, or JSON lines on a writer.
package feedback

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/dsn"
)

// Report is one fact sent to the application: one recipient of one bounce.
type Report struct {
	ID                string       `json:"id"`   // stable: the same bounce scanned twice gives the same id
	Type              string       `json:"type"` // hard, soft, complaint, delay, sender
	Email             string       `json:"email"`
	FinalRecipient    string       `json:"final_recipient,omitempty"` // where the mail ended up, when not Email
	Reason            dsn.Reason   `json:"reason"`
	Category          dsn.Category `json:"category"`
	Status            string       `json:"status,omitempty"`
	ReplyCode         string       `json:"reply_code,omitempty"`
	Diagnostic        string       `json:"diagnostic,omitempty"`
	RemoteMTA         string       `json:"remote_mta,omitempty"`
	Campaign          string       `json:"campaign,omitempty"`
	Subscriber        string       `json:"subscriber,omitempty"` // the application's id of the recipient (listmonk's subscriber UUID)
	OriginalMessageID string       `json:"original_message_id,omitempty"`
	BouncedAt         string       `json:"bounced_at,omitempty"`
	ReportingMTA      string       `json:"reporting_mta,omitempty"`
	FeedbackType      string       `json:"feedback_type,omitempty"`
	// With a history and a strikes policy (see docs/history.md): how many strikes the address
	// has within the policy's window, this one included, and the date of the first.
	Strikes   int    `json:"strikes,omitempty"`
	FirstSeen string `json:"first_seen,omitempty"`
}

// Report types.
const (
	TypeHard      = "hard"
	TypeSoft      = "soft"
	TypeComplaint = "complaint"
	TypeDelay     = "delay"
	TypeSender    = "sender" // the sender's problem (a block, its reputation), not the subscriber's
)

// BuildOptions tunes Build.
type BuildOptions struct {
	ReportDelays bool // also report delayed recipients (type "delay")
}

// Build returns the reports a parsed message warrants: one per failed recipient (hard when the
// address is dead, soft otherwise), one per complained-about recipient, delays only when asked,
// never auto-replies or success notices. A recipient whose delivery expired after the retry
// period is a soft failure: the message came back. An address that is no valid mailbox (a
// control character in it) is never reported, and one the parser only guessed is never reported
// hard; both are logged.
func Build(rep *dsn.Report, opts BuildOptions) []Report {
	var out []Report
	seen := map[string]bool{}
	for _, r := range rep.Recipients {
		typ := reportType(rep, r, opts)
		email, final := sentTo(r)
		if typ == "" || email == "" || unreachable(email) {
			continue
		}
		if r.Invalid || !dsn.ValidMailbox(email) {
			logInvalid(rep, r, email)
			continue
		}
		if r.SenderSide {
			// The MTA named the sender's own address, alone, as failed (dsn.Recipient.SenderSide):
			// reported, as the failure is real, but never hard.
			slog.Warn("bounce names the sender's own address as its only failed recipient: reported soft, never hard", "address", email, "reason", r.Reason, "evidence", r.Evidence, "message_id", rep.MessageID)
			if typ == TypeHard {
				typ = TypeSoft
			}
		}
		if typ == TypeHard && r.Evidence == dsn.EvidenceGuess {
			slog.Info("recipient only guessed from the bounce's text: reported soft, not hard", "address", email, "reason", r.Reason, "message_id", rep.MessageID)
			typ = TypeSoft
		}
		rp := Report{
			Type:              typ,
			Email:             email,
			FinalRecipient:    final,
			Reason:            r.Reason,
			Category:          r.Category,
			Status:            r.Status,
			ReplyCode:         r.ReplyCode,
			Diagnostic:        r.Diagnostic,
			RemoteMTA:         r.RemoteMTA,
			Campaign:          rep.Original.Campaign,
			Subscriber:        rep.Original.Subscriber,
			OriginalMessageID: rep.Original.MessageID,
			BouncedAt:         bouncedAt(rep, r),
			ReportingMTA:      rep.ReportingMTA,
			FeedbackType:      rep.FeedbackType,
		}
		rp.ID = ReportID(rep, email, typ)
		if seen[rp.ID] {
			continue
		}
		seen[rp.ID] = true
		out = append(out, rp)
	}
	return out
}

// sentTo returns the address the application sent to, and the final recipient when that
// differs: a DSN's Original-Recipient (RFC 3464) names the address as the sender gave it, before
// any alias or forward turned it into the Final-Recipient.
// logInvalid says why a recipient is not reported, naming the invalid address itself (escaped:
// it may hold control characters) and, when it differs, the address the message was sent to,
// so that the log never shows only a valid-looking address as the invalid one.
func logInvalid(rep *dsn.Report, r dsn.Recipient, email string) {
	bad := email
	if r.Invalid || !dsn.ValidMailbox(r.Address) {
		bad = r.Address
	}
	attrs := []any{"address", strconv.QuoteToASCII(bad)}
	if bad != email {
		attrs = append(attrs, "sent_to", strconv.QuoteToASCII(email))
	}
	attrs = append(attrs, "message_id", rep.MessageID)
	slog.Warn("bounce names an invalid address: not reported", attrs...)
}

// NeverHard tells whether rp, one of the reports Build made of rep, speaks of a recipient that
// must never be reported hard, whatever a policy says: one the parser only guessed, or one of
// the sender's own addresses that the MTA named alone (dsn.Recipient.SenderSide).
func NeverHard(rep *dsn.Report, rp Report) bool {
	for _, r := range rep.Recipients {
		if email, _ := sentTo(r); strings.EqualFold(email, rp.Email) {
			return r.SenderSide || r.Evidence == dsn.EvidenceGuess
		}
	}
	return false
}

func sentTo(r dsn.Recipient) (email, final string) {
	if o := r.OriginalAddress; o != "" && !strings.EqualFold(o, r.Address) && dsn.ValidMailbox(o) {
		return o, r.Address
	}
	return r.Address, ""
}

// unreachable tells an address no application can act on: one under the reserved .invalid
// top-level domain, such as dsn.UndisclosedRecipient, the stand-in for a complaint's redacted
// recipient.
func unreachable(address string) bool {
	return strings.HasSuffix(strings.ToLower(address), ".invalid")
}

func reportType(rep *dsn.Report, r dsn.Recipient, opts BuildOptions) string {
	switch {
	case rep.Kind == dsn.KindComplaint:
		return TypeComplaint
	case rep.Kind == dsn.KindAutoReply || r.Reason == dsn.ReasonVacation:
		return ""
	case r.Action == dsn.ActionFailed && r.Hard:
		return TypeHard
	case r.Action == dsn.ActionFailed, r.Action == dsn.ActionDelayed && r.Reason == dsn.ReasonExpired && rep.Kind == dsn.KindBounce:
		return TypeSoft
	case r.Action == dsn.ActionDelayed && opts.ReportDelays:
		return TypeDelay
	}
	return ""
}

// ReportID derives a report's id from the bounce: the bounce's own Message-ID (or, lacking one,
// its Date, From and Subject), the recipient address and the report type, hashed with SHA-256
// and cut to 32 hex digits. The same bounce parsed twice, by any rebound process, gives the same
// id; the receiver uses it (also sent as Idempotency-Key) to keep each report once.
func ReportID(rep *dsn.Report, address, typ string) string {
	h := sha256.New()
	if rep.MessageID != "" {
		h.Write([]byte("mid:" + rep.MessageID))
	} else {
		h.Write([]byte("hdr:" + rep.Date + "\x00" + rep.From + "\x00" + rep.Subject + "\x00" + rep.Original.MessageID))
	}
	h.Write([]byte("\x00" + strings.ToLower(address) + "\x00" + typ))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// bouncedAt is the time of the bounce in RFC 3339: its Date header, else the last attempt.
func bouncedAt(rep *dsn.Report, r dsn.Recipient) string {
	for _, d := range []string{rep.Date, r.LastAttempt, rep.ArrivalDate} {
		if t, err := mail.ParseDate(d); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return ""
}

// Sender delivers one report. An error wrapping *PermanentError means the receiver refused it
// for good; one wrapping *ConfigError means rebound's configuration must be fixed first (the
// report is kept); any other error may succeed later (see KindOf).
type Sender interface {
	Send(ctx context.Context, r Report) error
}

// Queuer makes reports durable: queued in an outbox or delivered (see outbox.Reporter). An error
// means that some report was neither.
type Queuer interface {
	Queue(ctx context.Context, reports []Report) error
}

// Decider passes the reports built from a message through the sender's policy and history
// (see history.Recorder): it may change their type, add strikes, or hold some back. An error
// means nothing was decided: the message must be kept and tried again.
type Decider interface {
	Decide(ctx context.Context, rep *dsn.Report, reports []Report) ([]Report, error)
}
