// Package nosource logs through slog's default logger without looking up the caller.
//
// slog.Info and its kin take the caller's program counter at every call (runtime.Callers), for
// a handler with AddSource, which rebound never sets. Finding it unwinds the stack through the
// function table, and in a process that logs two or three lines and exits, as `rebound pipe`
// does for each bounce, each new call site reads pages of that table that nothing else reads:
// about 0.5 MB of a pipe's peak RSS (docs/performance.md). Info logs the same record with no
// program counter; use it on the lines every pipe writes.
package nosource

import (
	"context"
	"log/slog"
	"time"
)

// Info logs msg and args at slog.LevelInfo through slog.Default(), as slog.Info does, except that
// the record has no program counter (a handler with AddSource would print no source).
func Info(msg string, args ...any) {
	l := slog.Default()
	ctx := context.Background()
	if !l.Enabled(ctx, slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(time.Now(), slog.LevelInfo, msg, 0)
	r.Add(args...)
	_ = l.Handler().Handle(ctx, r) // as slog.Info: a handler's error is not the caller's
}
