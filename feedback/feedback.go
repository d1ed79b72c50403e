// Package feedback turns parsed bounces into reports for the sending application and delivers
// them (HTTP webhook in rebound's JSON, listmonk's or SPIP's form format, a command, or stdout).
package feedback

import (
	"context"

	"github.com/rebound/rebound/dsn"
)

// Report is one fact sent to the application: one recipient of one bounce.
type Report struct {
	ID                string `json:"id"`   // stable: the same bounce scanned twice gives the same id
	Type              string `json:"type"` // hard, soft, complaint, delay
	Email             string `json:"email"`
	Reason            string `json:"reason"`
	Category          string `json:"category"`
	Status            string `json:"status,omitempty"`
	ReplyCode         string `json:"reply_code,omitempty"`
	Diagnostic        string `json:"diagnostic,omitempty"`
	RemoteMTA         string `json:"remote_mta,omitempty"`
	Campaign          string `json:"campaign,omitempty"`
	OriginalMessageID string `json:"original_message_id,omitempty"`
	BouncedAt         string `json:"bounced_at,omitempty"`
	ReportingMTA      string `json:"reporting_mta,omitempty"`
	FeedbackType      string `json:"feedback_type,omitempty"`
}

// BuildOptions tunes Build.
type BuildOptions struct {
	ReportDelays bool // also report delayed recipients (type "delay")
}

// Build returns the reports a parsed message warrants: one per failed recipient (hard or soft),
// one per complained-about recipient; delays only when asked; never auto-replies or successes.
func Build(rep *dsn.Report, opts BuildOptions) []Report { return nil }

// Sender delivers one report. A *PermanentError means the receiver refused it for good.
type Sender interface {
	Send(ctx context.Context, r Report) error
}

// PermanentError is a rejection that retrying will not fix (HTTP 4xx other than 408/429).
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return "permanent: " + e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }
