package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/history"
	"github.com/rebound/rebound/internal/nosource"
	"github.com/rebound/rebound/metrics"
	"github.com/rebound/rebound/outbox"
	"github.com/rebound/rebound/pipe"
)

// PipeCmd handles one message on stdin, as a Postfix pipe(8) transport, procmail or a Dovecot
// sieve script gives it. Its exit status follows sysexits: 0 handled (reported or safely
// queued), 75 try again later, 65 not a mail message.
type PipeCmd struct {
	ParseOptions  `embed:""`
	ReportOptions `embed:""`

	HistoryOptions `embed:""`
	MetricsOptions `embed:""`

	KeepUnrecognized string        `name:"keep-unrecognized" env:"REBOUND_KEEP_UNRECOGNIZED" placeholder:"MAILDIR" help:"Deliver messages that are not bounces (human replies, auto-replies) to this Maildir."`
	Archive          string        `name:"archive" env:"REBOUND_ARCHIVE" placeholder:"MAILDIR" help:"Keep a copy of every message handled in this Maildir."`
	MaxSize          int64         `name:"max-size" env:"REBOUND_MAX_SIZE" default:"1073741824" help:"Refuse larger messages (bytes)."`
	Timeout          time.Duration `name:"timeout" deprecated-env:"REBOUND_PIPE_TIMEOUT" default:"2m" help:"Give up (exit 75, the MTA retries) after this long."`

	Sender    string `arg:"" optional:"" help:"Envelope sender (the sender macro of Postfix pipe); empty for a bounce."`
	Recipient string `arg:"" optional:"" help:"Envelope recipient (the recipient macro of Postfix pipe): the VERP return path."`
}

// Run implements the command.
func (c *PipeCmd) Run(cli *CLI) error {
	start := time.Now()
	opts, err := c.DSNOptions()
	if err != nil {
		slog.Error("pipe: bad parse options", "err", err)
		return exitCode(pipe.ExitTempFail)
	}
	opts.EnvelopeRecipient = c.Recipient
	rep, err := c.Reporter()
	if err != nil {
		slog.Error("pipe: bad report options", "err", err)
		return exitCode(pipe.ExitTempFail)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	var flushed outbox.Stats
	cfg := pipe.Config{
		Parse: opts, Build: c.BuildOptions(), Reporter: rep,
		Flush: func(ctx context.Context, reports []feedback.Report) {
			flushed = sendOwnReports(ctx, rep, reports, c.ReportTimeout)
		},
		KeepUnrecognized: c.KeepUnrecognized, Archive: c.Archive, MaxSize: c.MaxSize,
	}
	if c.History != "" {
		if err := history.Usable(c.History); err != nil {
			// The message is still unread on stdin: the full rebound beside this one takes it.
			slog.Error("pipe: history unusable; the MTA keeps the message", "err", handOver(err))
			return exitCode(pipe.ExitTempFail)
		}
	}
	decider, err := c.recorder(ctx, "pipe", &c.ReportOptions)
	if err != nil {
		slog.Error("pipe: history unusable; the MTA keeps the message", "err", err)
		return exitCode(pipe.ExitTempFail)
	}
	if decider != nil {
		defer history.Leave(decider.Store)
		cfg.Decider = decider
	}
	var run *metrics.Run
	cfg.Decider, run = c.observe(cfg.Decider, "pipe")
	res := pipe.Handle(ctx, os.Stdin, cfg)
	c.finish(run, rep, flushed)
	attrs := []any{"exit", res.Code, "kind", res.Kind, "reports", res.Reports,
		"sender", c.Sender, "recipient", c.Recipient, "ms", time.Since(start).Milliseconds()}
	if res.Err != nil {
		slog.Error("pipe: message not handled", append(attrs, "err", res.Err)...)
	} else {
		nosource.Info("pipe: message handled", attrs...)
	}
	if res.Code != 0 {
		return exitCode(res.Code)
	}
	return nil
}
