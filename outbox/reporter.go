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
// queued nor delivered (a report the receiver refused for good counts as handled).
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
		default:
			lost = append(lost, err)
		}
	}
	if len(lost) > 0 {
		return fmt.Errorf("%d reports neither queued nor delivered: %w", len(lost), errors.Join(lost...))
	}
	return nil
}

// Flush sends what waits in the outbox (nothing to do without one).
func (r *Reporter) Flush(ctx context.Context) (Stats, error) {
	if r.Outbox == nil {
		return Stats{}, nil
	}
	return r.Outbox.Flush(ctx, r.Sender)
}
