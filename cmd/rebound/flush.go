//go:build !pipeonly

package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rebound/rebound/metrics"
)

// FlushCmd sends what waits in the outbox.
type FlushCmd struct {
	ReportOptions  `embed:""`
	MetricsOptions `embed:""`

	Now      bool          `name:"now" help:"Also send the reports whose retry backoff has not ended yet."`
	Deadline time.Duration `name:"deadline" env:"REBOUND_DEADLINE" default:"5m" help:"Stop sending after this long (0: no limit); what is left waits for the next flush."`
}

// Run implements the command.
func (c *FlushCmd) Run(cli *CLI) error {
	if c.Outbox == "" {
		return fmt.Errorf("flush needs --outbox")
	}
	rep, err := c.Reporter()
	if err != nil {
		return err
	}
	if rep.Outbox == nil {
		return fmt.Errorf("outbox %s cannot be opened", c.Outbox)
	}
	rep.Outbox.RetryNow = c.Now
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := withDeadline(ctx, c.Deadline)
	defer cancel()
	st, err := rep.Flush(ctx)
	c.finish(&metrics.Run{Command: "flush"}, rep, st)
	waiting, failed, _ := rep.Outbox.Pending()
	level := slog.LevelInfo
	if st.Delivered+st.Rejected+st.Retry+st.Config == 0 {
		level = slog.LevelDebug // nothing was tried: a cron job stays quiet
	}
	slog.Log(ctx, level, "flush done", "delivered", st.Delivered, "rejected", st.Rejected, "retry", st.Retry,
		"config_error", st.Config, "not_due", st.Waiting, "waiting", waiting, "failed_total", failed)
	if err != nil || st.Rejected > 0 {
		return exitCode(1)
	}
	return nil
}
