// Package pipe handles one message given on standard input by an MTA (Postfix pipe(8), procmail,
// Dovecot sieve): it parses it, reports the bounce and says, as a sysexits code, whether the MTA
// may forget the message.
package pipe

import (
	"bytes"
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

// memorySpool is the largest message Handle holds in memory; a larger one is spooled to a
// temporary file. Nearly every bounce is far smaller, and creating and removing a file was a
// noticeable part of a pipe's time.
const memorySpool = 1 << 20

// Handle reads one message from in and handles it. A message up to memorySpool bytes is read
// into memory, a larger one spooled to a temporary file, so that it can be parsed, archived and
// kept without holding it all in memory.
func Handle(ctx context.Context, in io.Reader, cfg Config) Result {
	max := cfg.MaxSize
	if max <= 0 {
		max = 1 << 30
	}
	spool, cleanup, err := readMessage(in, max, cfg.TempDir)
	if cleanup != nil {
		defer cleanup()
	}
	if err != nil {
		return Result{Code: ExitTempFail, Err: err}
	}
	if spool == nil {
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

// readMessage reads in, up to max bytes, into memory when it is at most memorySpool bytes and
// into a temporary file in tempDir otherwise. It returns a nil message when in holds more than
// max bytes, and a cleanup to run when the message is no longer needed.
func readMessage(in io.Reader, max int64, tempDir string) (io.ReadSeeker, func(), error) {
	head, err := io.ReadAll(io.LimitReader(in, min(max, memorySpool)+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the message: %w", err)
	}
	if int64(len(head)) <= min(max, memorySpool) {
		return bytes.NewReader(head), nil, nil
	}
	if int64(len(head)) > max {
		return nil, nil, nil
	}
	spool, err := os.CreateTemp(tempDir, "rebound-pipe-*.eml")
	if err != nil {
		return nil, nil, fmt.Errorf("spooling the message: %w", err)
	}
	cleanup := func() { spool.Close(); os.Remove(spool.Name()) }
	if _, err := spool.Write(head); err != nil {
		return nil, cleanup, fmt.Errorf("spooling the message: %w", err)
	}
	n, err := io.Copy(spool, io.LimitReader(in, max+1-int64(len(head))))
	if err != nil {
		return nil, cleanup, fmt.Errorf("reading the message: %w", err)
	}
	if int64(len(head))+n > max {
		return nil, cleanup, nil
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return nil, cleanup, fmt.Errorf("spooling the message: %w", err)
	}
	return spool, cleanup, nil
}

// deliverCopy delivers the message to the Maildir dir, from its start.
func deliverCopy(dir string, f io.Reader, rewind func() error) error {
	if err := rewind(); err != nil {
		return err
	}
	_, err := maildir.Deliver(dir, f)
	return err
}
