package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/nosource"
)

// Reporter delivers reports through an outbox, or directly when it has none.
type Reporter struct {
	Outbox *Outbox // may be nil: reports are then sent at once
	Sender feedback.Sender

	// Counts is what Queue did with the reports it was given, summed over its calls.
	Counts QueueCounts
}

// QueueCounts counts what became of the reports given to Queue.
type QueueCounts struct {
	Queued          int // written to the outbox
	Sent            int // delivered at once (no usable outbox)
	AlreadyReported int // known to the outbox already (waiting, sent or refused before): not queued again
	Refused         int // sent at once and refused for good by the receiver
	NotHandled      int // neither queued nor delivered: the caller keeps the message
}

// Report outcomes, as the log line of each report says them.
const (
	outcomeQueuedWord  = "queued"
	outcomeSentWord    = "sent"
	outcomeAlreadyWord = "already-reported"
	outcomeRefusedWord = "refused"
	outcomeNotSentWord = "not-handled"
)

// logReport writes the INFO line of one reported recipient: reason, type and address first (the
// words an operator greps for, and all that an MTA keeping the first line of output shows),
// then the campaign, the report id and what became of it.
func logReport(rp feedback.Report, outcome string) {
	attrs := []any{"campaign", rp.Campaign, "id", rp.ID}
	if rp.Status != "" {
		attrs = append(attrs, "status", rp.Status)
	}
	nosource.Info(string(rp.Reason)+" "+rp.Type+" "+rp.Email, append(attrs, "outcome", outcome)...)
}

// Queue makes reports durable: each is written to the outbox or, when there is no outbox or it
// cannot be written, delivered at once. It returns an error only when some report was neither
// queued nor delivered (a report the receiver refused for good counts as handled; one that met
// a configuration error, such as a redirect or a wrong token, was not handled).
func (r *Reporter) Queue(ctx context.Context, reports []feedback.Report) error {
	var lost []error
	for _, rp := range reports {
		if r.Outbox != nil {
			if r.Outbox.known(rp.ID) {
				r.Counts.AlreadyReported++
				logReport(rp, outcomeAlreadyWord)
				continue
			}
			err := r.Outbox.Enqueue(rp)
			if err == nil {
				r.Counts.Queued++
				logReport(rp, outcomeQueuedWord)
				continue
			}
			slog.Error("outbox unwritable, sending the report at once", "id", rp.ID, "err", err)
		}
		err := r.Sender.Send(ctx, rp)
		switch {
		case err == nil:
			r.Counts.Sent++
			logReport(rp, outcomeSentWord)
		case feedback.IsPermanent(err):
			r.Counts.Refused++
			logReport(rp, outcomeRefusedWord)
			slog.Error("report refused by the receiver", "id", rp.ID, "email", rp.Email, "err", err)
		case feedback.IsConfig(err):
			r.Counts.NotHandled++
			logReport(rp, outcomeNotSentWord)
			c, _ := feedback.AsConfig(err)
			slog.Error("report not delivered: fix the configuration", "id", rp.ID, "fix", c.Fix, "err", err)
			lost = append(lost, err)
		default:
			r.Counts.NotHandled++
			logReport(rp, outcomeNotSentWord)
			lost = append(lost, err)
		}
	}
	if len(lost) > 0 {
		return fmt.Errorf("%d reports neither queued nor delivered: %w", len(lost), errors.Join(lost...))
	}
	return nil
}

// FlushOwn sends, among what waits in the outbox, the given reports only (those of the message
// being handled): nothing to do without an outbox, where Queue sent them already.
func (r *Reporter) FlushOwn(ctx context.Context, reports []feedback.Report) (Stats, error) {
	if r.Outbox == nil {
		return Stats{}, nil
	}
	ids := make([]string, len(reports))
	for i, rp := range reports {
		ids[i] = rp.ID
	}
	return r.Outbox.FlushIDs(ctx, r.Sender, ids)
}

// Flush sends what waits in the outbox (nothing to do without one).
func (r *Reporter) Flush(ctx context.Context) (Stats, error) {
	if r.Outbox == nil {
		return Stats{}, nil
	}
	return r.Outbox.Flush(ctx, r.Sender)
}
