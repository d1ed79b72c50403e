package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/outbox"
)

// sendOwnReports sends the reports a pipe has just queued in the outbox, and only those (never
// the backlog: that is flush's job), all within timeout. What is not delivered stays queued.
func sendOwnReports(ctx context.Context, rep *outbox.Reporter, reports []feedback.Report, timeout time.Duration) outbox.Stats {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	st, err := rep.FlushOwn(ctx, reports)
	if err != nil {
		slog.Warn("pipe: reports stay in the outbox for the next flush", "err", err)
	}
	return st
}

// withDeadline bounds a whole flush or scan: once d has passed, what is left waits for the next
// run (reports stay queued, messages stay in their folder).
func withDeadline(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// deadlineReached rewords the error of a run stopped by its --deadline.
func deadlineReached(err error, what string, d time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s stopped at its --deadline (%s); the rest is left for the next run", what, d)
	}
	return err
}
