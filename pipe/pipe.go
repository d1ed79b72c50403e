// Package pipe handles one message given on standard input by an MTA (Postfix pipe(8), procmail,
// Dovecot sieve): it parses it, reports the bounce and says, as a sysexits code, whether the MTA
// may forget the message.
package pipe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/maildir"
)

// Exit codes, from sysexits.h.
const (
	ExitOK       = 0
	ExitDataErr  = 65 // the input is not a mail message: retrying will not help
	ExitSoftware = 70
	ExitIOErr    = 74
	ExitTempFail = 75 // the MTA keeps the message and tries again later
)

// Config is what Handle needs.
type Config struct {
	Parse            *dsn.Options
	Build            feedback.BuildOptions
	Reporter         feedback.Queuer
	Flush            func(ctx context.Context, reports []feedback.Report) // sends the reports just queued, best effort; may be nil
	KeepUnrecognized string                                               // Maildir for messages that are not bounces
	Archive          string                                               // Maildir keeping a copy of every message
	MaxSize          int64                                                // larger input is refused (0: 1 GiB)
	TempDir          string                                               // where the message is spooled (default os.TempDir)

	// Decider applies the sender's policy and records the history (--history); may be nil.
	Decider feedback.Decider
}

// Result is what Handle did, for logging and tests.
type Result struct {
	Code    int
	Kind    dsn.Kind
	Reports int
	Err     error
}

// Handle reads one message from in and handles it. The message is first spooled to a temporary
// file, so that it can be parsed, archived and kept without holding it in memory.
func Handle(ctx context.Context, in io.Reader, cfg Config) Result {
	spool, err := os.CreateTemp(cfg.TempDir, "rebound-pipe-*.eml")
	if err != nil {
		return Result{Code: ExitTempFail, Err: fmt.Errorf("spooling the message: %w", err)}
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	max := cfg.MaxSize
	if max <= 0 {
		max = 1 << 30
	}
	n, err := io.Copy(spool, io.LimitReader(in, max+1))
	if err != nil {
		return Result{Code: ExitTempFail, Err: fmt.Errorf("reading the message: %w", err)}
	}
	if n > max {
		return Result{Code: ExitDataErr, Err: fmt.Errorf("message larger than %d bytes", max)}
	}
	rewind := func() error { _, err := spool.Seek(0, io.SeekStart); return err }

	if cfg.Archive != "" {
		if err := deliverCopy(cfg.Archive, spool, rewind); err != nil {
			return Result{Code: ExitTempFail, Err: fmt.Errorf("archiving: %w", err)}
		}
	}
	if err := rewind(); err != nil {
		return Result{Code: ExitTempFail, Err: err}
	}
	rep, err := dsn.Parse(spool, cfg.Parse)
	if errors.Is(err, dsn.ErrNotMessage) {
		return Result{Code: ExitDataErr, Err: err}
	}
	if err != nil {
		return Result{Code: ExitTempFail, Err: err}
	}
	reports := feedback.Build(rep, cfg.Build)
	if cfg.Decider != nil {
		if reports, err = cfg.Decider.Decide(ctx, rep, reports); err != nil {
			return Result{Code: ExitTempFail, Kind: rep.Kind, Err: err}
		}
	}
	res := Result{Code: ExitOK, Kind: rep.Kind, Reports: len(reports)}
	if len(reports) == 0 {
		// Not a bounce to report: a human reply, an auto-reply, a delay, a success notice.
		if cfg.KeepUnrecognized != "" && (rep.Kind == dsn.KindNotBounce || rep.Kind == dsn.KindAutoReply) {
			if err := deliverCopy(cfg.KeepUnrecognized, spool, rewind); err != nil {
				return Result{Code: ExitTempFail, Kind: rep.Kind, Err: fmt.Errorf("keeping the message: %w", err)}
			}
		}
		return res
	}
	if err := cfg.Reporter.Queue(ctx, reports); err != nil {
		return Result{Code: ExitTempFail, Kind: rep.Kind, Reports: len(reports), Err: err}
	}
	if cfg.Flush != nil {
		cfg.Flush(ctx, reports)
	}
	for _, r := range reports {
		slog.Debug("report", "id", r.ID, "email", r.Email, "type", r.Type, "reason", r.Reason, "campaign", r.Campaign)
	}
	return res
}

func deliverCopy(dir string, f *os.File, rewind func() error) error {
	if err := rewind(); err != nil {
		return err
	}
	_, err := maildir.Deliver(dir, f)
	return err
}
