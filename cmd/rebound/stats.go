//go:build !pipeonly

package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rebound/rebound/stats"
)

// StatsCmd counts the bounces of the history.
type StatsCmd struct {
	HistoryOptions `embed:""`

	Since   string   `name:"since" default:"30d" placeholder:"30d" help:"Count the events of the last N days (30d; also 12h, 2w)."`
	By      string   `name:"by" default:"reason" enum:"reason,category,domain,campaign,day" help:"Group by reason, category, domain, campaign or day."`
	HTML    string   `name:"html" placeholder:"FILE" help:"Also write one self-contained HTML page of charts to FILE."`
	Sent    []string `name:"sent" placeholder:"CAMPAIGN=N" help:"Messages a campaign sent, for its bounce rate (repeatable)."`
	SentCSV string   `name:"sent-csv" placeholder:"FILE" help:"CSV of sent counts: columns campaign and sent."`
}

// Run implements the command.
func (c *StatsCmd) Run(cli *CLI) error {
	ctx := context.Background()
	now := time.Now()
	since, err := stats.ParseSince(c.Since, now)
	if err != nil {
		return err
	}
	sent := stats.Sent{}
	for _, kv := range c.Sent {
		if err := sent.Set(kv); err != nil {
			return err
		}
	}
	if c.SentCSV != "" {
		if err := stats.ReadSentCSV(c.SentCSV, sent); err != nil {
			return err
		}
	}
	st, err := c.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := st.Count(ctx, since, c.By)
	if err != nil {
		return err
	}
	if err := stats.WriteTable(os.Stdout, c.By, rows, sent); err != nil {
		return err
	}
	if c.HTML == "" {
		return nil
	}
	page, err := stats.Collect(ctx, st, since, now)
	if err != nil {
		return err
	}
	if err := stats.WriteHTMLFile(c.HTML, page, sent); err != nil {
		return fmt.Errorf("--html: %w", err)
	}
	return nil
}
