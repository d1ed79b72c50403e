package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/rebound/rebound/feedback"
)

// Reporter delivers reports through an outbox, or directly when it has none.
type Reporter struct {
	Outbox *Outbox // may be nil: reports are then sent at once
	Sender feedback.Sender
}

// Queue makes reports durable: each is written to the outbox or, when there is no outbox or it
// cannot be written, delivered at once. It returns an error only when some report was neither
// queued nor delivered (a report the receiver refused for good counts as handled; one that met
// a configuration error, such as a redirect or a wrong token, was not handled).
func (r *Reporter) Queue(ctx context.Context, reports []feedback.Report) error {
	var lost []error
	for _, rp := range reports {
		if r.Outbox != nil {
			err := r.Outbox.Enqueue(rp)
			if err == nil {
				continue
			}
			slog.Warn("outbox unwritable, sending the report at once", "id", rp.ID, "err", err)
		}
		err := r.Sender.Send(ctx, rp)
		switch {
		case err == nil:
			slog.Debug("report delivered", "id", rp.ID, "email", rp.Email, "type", rp.Type)
		case feedback.IsPermanent(err):
			slog.Error("report refused by the receiver", "id", rp.ID, "email", rp.Email, "err", err)
		case feedback.IsConfig(err):
			c, _ := feedback.AsConfig(err)
			slog.Error("report not delivered: fix the configuration", "id", rp.ID, "fix", c.Fix, "err", err)
			lost = append(lost, err)
		default:
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
