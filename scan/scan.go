// Package scan empties a pile of bounces safely: for each message of a mailbox it parses it,
// queues its reports durably, and only then moves it to the backup folder, so that a crash at any
// point leaves every message either where it was or in the backup folder with its reports
// queued. Messages that are not bounces, or that cannot be read, stay where they were, untouched.
package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/feedback"
)

// Message is one message of a mailbox, as a Source gives it.
type Message struct {
	Name string    // for logs and --json output
	Date time.Time // when it arrived; zero if unknown
	// Open returns the message's content.
	Open func() (io.ReadCloser, error)
	// Backup moves the message to the backup folder, keeping its flags.
	Backup func() error
	// Unrecognized moves the message to the folder for messages that are not bounces; nil when
	// no such folder is configured.
	Unrecognized func() error
}

// Source walks the messages of a mailbox. fn's error stops the walk.
type Source interface {
	Walk(ctx context.Context, fn func(*Message) error) error
}

// Config tunes Run.
type Config struct {
	Parse    *dsn.Options
	Build    feedback.BuildOptions
	Reporter feedback.Queuer
	From     *regexp.Regexp // only messages whose sender matches (nil: all)
	Since    time.Time      // only messages that arrived after (zero: all)
	Limit    int            // at most this many messages (0: all)
	DryRun   bool           // parse and print; touch nothing, send nothing
	JSON     io.Writer      // when set, one `rebound parse --json` line per message
	// Print, when set, is given every message parsed, before the filters (rebound scan --dry-run
	// prints them as `rebound parse` does).
	Print    func(name string, rep *dsn.Report)
	Progress func(Stats) // called after each message; may be nil

	// Decider applies the sender's policy and records the history (--history); may be nil.
	Decider feedback.Decider

	// NewBatch, when set, starts a batch of reports made durable together (group commit, see
	// outbox.ReporterBatch): the reports of up to BatchSize messages are staged, committed with
	// one round of syncs, and only then are those messages moved. Without it each message's
	// reports are queued through Reporter, then the message moved.
	NewBatch func() ReportBatch
	// BatchSize is the number of messages of a batch (default 256).
	BatchSize int
	// Workers is how many messages are parsed at once, ahead of their handling (default
	// GOMAXPROCS; 1 parses each message as it is handled).
	Workers int

	// AfterQueue, when set, is called once a message's reports are durable (with batches: once
	// its batch is committed) and before the message is moved, with the number of messages
	// queued so far; an error stops Run there, the messages still in place. Fault tests stop
	// the process in it, as a kill between the two steps would.
	AfterQueue func(queued int) error
}

// ReportBatch stages the reports of several messages and makes them durable together.
type ReportBatch interface {
	// Stage stages or handles the reports of one message; an error means some report was
	// neither, and the message must stay where it is.
	Stage(ctx context.Context, reports []feedback.Report) error
	// Commit makes the staged reports durable; on error the batch's messages stay in place.
	Commit() error
	// Len is the number of reports staged (each holds an open file until Commit).
	Len() int
}

// maxStagedReports commits a batch early when its messages bring many reports (a DSN may name
// thousands of recipients), so that a batch never holds more open files than this.
const maxStagedReports = 1024

// MoveBatcher is a Source that moves messages a run at a time (IMAP moves a fetched run with
// one command): it calls the function it is given before it moves a run, so that the run's
// reports are durable first.
type MoveBatcher interface {
	BeforeMoves(commit func() error)
}

// Stats is what a scan did.
type Stats struct {
	Scanned, Bounces, Hard, Soft, Complaints, Delays, Skipped, Errors int
}

func (s Stats) String() string {
	return fmt.Sprintf("scanned %d, bounces %d (hard %d, soft %d), complaints %d, delays %d, skipped %d, errors %d",
		s.Scanned, s.Bounces, s.Hard, s.Soft, s.Complaints, s.Delays, s.Skipped, s.Errors)
}

// ErrLimit stops the walk once the limit is reached.
var ErrLimit = errors.New("scan: limit reached")

// Run scans src. Messages are parsed by Workers goroutines ahead of the walk and handled in
// the order src gives them (filters, queueing, moves), one at a time.
func Run(ctx context.Context, src Source, cfg Config) (Stats, error) {
	var st Stats
	queued := 0
	backup := func(m *Message) {
		if err := m.Backup(); err != nil {
			st.Errors++
			slog.Error("scan: reports queued but the message could not be moved; a rescan will not report it twice", "message", m.Name, "err", err)
		}
	}
	// With batches: the messages whose reports are staged, moved once the batch is committed.
	var batch ReportBatch
	var held []*Message
	commitHeld := func() error {
		if len(held) == 0 {
			return nil
		}
		msgs := held
		held = nil
		if err := batch.Commit(); err != nil {
			st.Errors += len(msgs)
			slog.Error("scan: reports neither queued nor sent; messages left in place", "messages", len(msgs), "err", err)
			return nil
		}
		queued += len(msgs)
		if cfg.AfterQueue != nil {
			if err := cfg.AfterQueue(queued); err != nil {
				return err
			}
		}
		for _, m := range msgs {
			backup(m)
		}
		return nil
	}
	batchSize := cfg.BatchSize
	if batchSize <= 0 {
		batchSize = 256
	}

	// handle does what follows the parse of one message.
	handle := func(m *Message, pm parsed) error {
		rep, reports, err := pm.rep, pm.reports, pm.err
		st.Scanned++
		defer func() {
			if cfg.Progress != nil {
				cfg.Progress(st)
			}
		}()
		if err != nil {
			st.Errors++
			slog.Warn("scan: message left in place: cannot be parsed", "message", m.Name, "err", err)
			return nil
		}
		if cfg.JSON != nil {
			writeJSON(cfg.JSON, m.Name, rep)
		}
		if cfg.Print != nil {
			cfg.Print(m.Name, rep)
		}
		if cfg.From != nil && !cfg.From.MatchString(rep.From) && !SenderFree(rep) {
			st.Skipped++
			return nil
		}
		if cfg.Decider != nil && !cfg.DryRun {
			// A success notice clears strikes; policy may hold reports back.
			if reports, err = cfg.Decider.Decide(ctx, rep, reports); err != nil {
				st.Errors++
				slog.Error("scan: history unwritable; message left in place", "message", m.Name, "err", err)
				return nil
			}
		}
		switch rep.Kind {
		case dsn.KindBounce, dsn.KindDelay, dsn.KindComplaint:
		default:
			st.Skipped++
			if m.Unrecognized != nil && !cfg.DryRun {
				if err := m.Unrecognized(); err != nil {
					st.Errors++
					slog.Error("scan: could not move an unrecognized message", "message", m.Name, "err", err)
				}
			}
			return nil
		}
		count(&st, rep, reports)
		if cfg.DryRun {
			return nil
		}
		if batch != nil {
			if err := batch.Stage(ctx, reports); err != nil {
				st.Errors++
				slog.Error("scan: reports neither queued nor sent; message left in place", "message", m.Name, "err", err)
				return nil
			}
			held = append(held, m)
			if len(held) >= batchSize || batch.Len() >= maxStagedReports {
				return commitHeld()
			}
			return nil
		}
		if err := cfg.Reporter.Queue(ctx, reports); err != nil {
			st.Errors++
			slog.Error("scan: reports neither queued nor sent; message left in place", "message", m.Name, "err", err)
			return nil
		}
		queued++
		if cfg.AfterQueue != nil {
			if err := cfg.AfterQueue(queued); err != nil {
				return err
			}
		}
		backup(m)
		return nil
	}

	parseAndBuild := func(m *Message) parsed {
		rep, err := parse(m, cfg.Parse)
		if err != nil {
			return parsed{err: err}
		}
		return parsed{rep: rep, reports: feedback.Build(rep, cfg.Build)}
	}
	p := newPipeline(cfg.Workers, parseAndBuild, handle)
	defer p.stop()
	commit := func() error {
		// The messages parsed ahead belong to the run being committed (IMAP moves a fetched
		// run after this): handle them first.
		if err := p.drain(); err != nil {
			return err
		}
		return commitHeld()
	}
	if cfg.NewBatch != nil && !cfg.DryRun {
		batch = cfg.NewBatch()
		if mb, ok := src.(MoveBatcher); ok {
			mb.BeforeMoves(commit)
		}
	}
	submitted := 0
	err := src.Walk(ctx, func(m *Message) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if cfg.Limit > 0 && submitted >= cfg.Limit {
			return ErrLimit
		}
		if !cfg.Since.IsZero() && !m.Date.IsZero() && m.Date.Before(cfg.Since) {
			return nil
		}
		submitted++
		return p.submit(m)
	})
	if errors.Is(err, ErrLimit) {
		err = nil
	}
	if err == nil {
		// The messages parsed ahead of a walk that ended: handled like the others. After an
		// error they are left where they are, never handled.
		err = p.drain()
	}
	if batch != nil {
		// The last batch: its messages were handled, whatever stopped the walk. (After a stop
		// in AfterQueue nothing is held: the batch it stopped was committed.)
		if cerr := commitHeld(); err == nil {
			err = cerr
		}
	}
	return st, err
}

func parse(m *Message, opts *dsn.Options) (*dsn.Report, error) {
	rc, err := m.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return dsn.Parse(rc, opts)
}

func count(st *Stats, rep *dsn.Report, reports []feedback.Report) {
	switch rep.Kind {
	case dsn.KindComplaint:
		st.Complaints++
	case dsn.KindDelay:
		st.Delays++
	default:
		st.Bounces++
	}
	for _, r := range reports {
		switch r.Type {
		case feedback.TypeHard:
			st.Hard++
		case feedback.TypeSoft:
			st.Soft++
		}
	}
}

func writeJSON(w io.Writer, name string, rep *dsn.Report) {
	w.Write(append(rep.AppendJSON(nil, name), '\n'))
}

// senderFreeFormats are the formats (dsn.Report.MTA) of machine reports whose senders are no
// mail system: Amazon SES notifications come from SNS (no-reply@sns.amazonaws.com).
var senderFreeFormats = map[string]bool{"amazonses": true}

// SenderFree reports whether a message is taken whatever its sender, --from or not: a complaint
// (an ARF report comes from a feedback loop's address, an unsubscribe request from the
// subscriber) or a machine report such as an Amazon SES notification. Their structure, not their
// sender, says what they are.
func SenderFree(rep *dsn.Report) bool {
	return rep.Kind == dsn.KindComplaint || senderFreeFormats[rep.MTA]
}

// SenderPattern compiles a --from pattern: a regular expression, matched in any case against
// the bounce's sender address (and subject).
func SenderPattern(p string) (*regexp.Regexp, error) {
	if p == "" {
		return nil, nil
	}
	re, err := regexp.Compile("(?i)" + p)
	if err != nil {
		return nil, fmt.Errorf("--from pattern: %w", err)
	}
	return re, nil
}

// BounceSenders is the default --from pattern of mail systems' senders.
var BounceSenders = strings.Join([]string{"mailer-daemon", "postmaster", "mail-daemon", "bounce", "no-?reply", "notification"}, "|")
