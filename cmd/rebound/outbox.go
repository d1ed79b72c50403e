//go:build !pipeonly

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/alecthomas/kong"

	"github.com/rebound/rebound/outbox"
)

// OutboxCmd groups the operator's tools on the outbox. None of them creates an outbox.
type OutboxCmd struct {
	List  OutboxListCmd  `cmd:"" help:"List the reports waiting, held for a retry, being sent and refused (failed/)."`
	Show  OutboxShowCmd  `cmd:"" help:"Print one report of the outbox with its attempts and last error."`
	Retry OutboxRetryCmd `cmd:"" help:"Put a refused or held report (or, with --failed, every refused one) back in line for the next flush."`
	Purge OutboxPurgeCmd `cmd:"" help:"Delete the refused reports (failed/) older than a given age."`
}

// OutboxDirOption is the outbox the commands work on.
type OutboxDirOption struct {
	Outbox string `name:"outbox" placeholder:"DIR" help:"The outbox directory (the --outbox of pipe, scan and flush)."`
}

func (o *OutboxDirOption) open() (*outbox.Outbox, error) {
	if o.Outbox == "" {
		return nil, errors.New("no outbox: set --outbox (or outbox: in the configuration file)")
	}
	return outbox.OpenExisting(o.Outbox)
}

// OutboxListCmd lists the outbox.
type OutboxListCmd struct {
	OutboxDirOption `embed:""`
	JSON            bool `name:"json" help:"Print one JSON object per report."`
}

// Run implements the command.
func (c *OutboxListCmd) Run(kctx *kong.Context) error {
	ob, err := c.open()
	if err != nil {
		return err
	}
	items, err := ob.List()
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(kctx.Stdout)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	}
	writeOutboxTable(kctx.Stdout, items, time.Now())
	return nil
}

// writeOutboxTable prints the items as a table and a count per state.
func writeOutboxTable(w io.Writer, items []outbox.Item, now time.Time) {
	counts := map[outbox.State]int{}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(items) > 0 {
		fmt.Fprintln(tw, "STATE\tAGE\tATTEMPTS\tEMAIL\tTYPE\tREASON\tID\tLAST ERROR")
	}
	for _, it := range items {
		counts[it.State]++
		last := it.LastError
		if it.Err != "" {
			last = "unreadable: " + it.Err
		}
		if it.State == outbox.StateHeld {
			last = "next try in " + formatAge(it.NextTry.Sub(now)) + "; " + last
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", it.State, formatAge(it.Age(now)), it.Attempts,
			it.Report.Email, it.Report.Type, it.Report.Reason, it.ID, oneLine(last, 80))
	}
	tw.Flush()
	var parts []string
	for _, s := range []outbox.State{outbox.StateWaiting, outbox.StateHeld, outbox.StateSending, outbox.StateStale, outbox.StateFailed} {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
	}
	fmt.Fprintln(w, strings.Join(parts, ", "))
}

// oneLine shortens s to one line of at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}

// formatAge prints a duration the way an operator reads it: 45s, 12m, 5h10m, 3d4h.
func formatAge(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
	default:
		return fmt.Sprintf("%dd%dh", int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour))
	}
}

// OutboxShowCmd prints one report.
type OutboxShowCmd struct {
	OutboxDirOption `embed:""`
	ID              string `arg:"" help:"The report id (see outbox list)."`
}

// Run implements the command.
func (c *OutboxShowCmd) Run(kctx *kong.Context) error {
	ob, err := c.open()
	if err != nil {
		return err
	}
	it, err := ob.Get(c.ID)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(it, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(kctx.Stdout, "%s\n", b)
	return err
}

// OutboxRetryCmd puts reports back in line.
type OutboxRetryCmd struct {
	OutboxDirOption `embed:""`
	Failed          bool   `name:"failed" help:"Every report in failed/."`
	ID              string `arg:"" optional:"" help:"The report id (see outbox list)."`
}

// Run implements the command.
func (c *OutboxRetryCmd) Run(kctx *kong.Context) error {
	switch {
	case c.ID == "" && !c.Failed:
		return errors.New("say what to retry: a report id (see rebound outbox list) or --failed")
	case c.ID != "" && c.Failed:
		return errors.New("give a report id or --failed, not both")
	}
	ob, err := c.open()
	if err != nil {
		return err
	}
	if c.Failed {
		n, err := ob.RetryFailed()
		fmt.Fprintf(kctx.Stdout, "%d refused reports back in line; the next flush sends them\n", n)
		return err
	}
	if err := ob.Retry(c.ID); err != nil {
		return err
	}
	fmt.Fprintf(kctx.Stdout, "%s back in line; the next flush sends it\n", c.ID)
	return nil
}

// OutboxPurgeCmd forgets old refusals.
type OutboxPurgeCmd struct {
	OutboxDirOption `embed:""`
	Failed          bool   `name:"failed" required:"" help:"Purge refused reports (the only ones that can be purged; required, to say so)."`
	OlderThan       string `name:"older-than" required:"" placeholder:"AGE" help:"Only those refused longer ago than this (30d, 12h, 90m)."`
}

// Run implements the command.
func (c *OutboxPurgeCmd) Run(kctx *kong.Context) error {
	age, err := parseAge(c.OlderThan)
	if err != nil {
		return fmt.Errorf("--older-than: %w", err)
	}
	ob, err := c.open()
	if err != nil {
		return err
	}
	ids, err := ob.PurgeFailed(age)
	fmt.Fprintf(kctx.Stdout, "%d refused reports older than %s purged\n", len(ids), c.OlderThan)
	return err
}

// parseAge reads a Go duration (12h, 90m) or a number of days (30d).
func parseAge(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not a number of days", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not an age like 30d, 12h or 90m", s)
	}
	return d, nil
}
