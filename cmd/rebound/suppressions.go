//go:build !pipeonly

package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/rebound/rebound/history"
)

// SuppressionsCmd lists or edits the dead addresses of the history.
type SuppressionsCmd struct {
	HistoryOptions `embed:""`

	List   SuppressionsListCmd   `cmd:"" default:"withargs" help:"List the dead addresses with their reason and date (the default)."`
	Remove SuppressionsRemoveCmd `cmd:"" help:"Forget that an address is dead, and its strikes."`
}

// SuppressionsListCmd prints the suppression list.
type SuppressionsListCmd struct {
	Format string `name:"format" default:"plain" enum:"plain,csv,json,postfix" help:"plain, csv, json (one object a line) or postfix (a check_recipient_access map)."`
}

// Run implements the command.
func (c *SuppressionsListCmd) Run(cli *CLI) error {
	ctx := context.Background()
	st, err := cli.Suppressions.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Suppressions(ctx)
	if err != nil {
		return err
	}
	return writeSuppressions(os.Stdout, c.Format, list)
}

func writeSuppressions(w io.Writer, format string, list []history.Suppression) error {
	date := func(s history.Suppression) string { return s.At.UTC().Format(time.RFC3339) }
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"address", "reason", "date"})
		for _, s := range list {
			cw.Write([]string{s.Address, s.Reason, date(s)})
		}
		cw.Flush()
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		for _, s := range list {
			if err := enc.Encode(map[string]string{"address": s.Address, "reason": s.Reason, "date": date(s)}); err != nil {
				return err
			}
		}
		return nil
	case "postfix":
		// A check_recipient_access table: postmap it and refuse the dead addresses at submission.
		fmt.Fprintln(w, "# rebound suppressions --format postfix: dead addresses, refused at submission")
		for _, s := range list {
			if _, err := fmt.Fprintf(w, "%s\tREJECT 5.1.1 address known dead (%s since %s)\n", s.Address, s.Reason, s.At.UTC().Format(time.DateOnly)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Address, s.Reason, date(s))
	}
	return tw.Flush()
}

// SuppressionsRemoveCmd clears an address.
type SuppressionsRemoveCmd struct {
	Address string `arg:"" placeholder:"ADDR" help:"The address to forget."`
}

// Run implements the command.
func (c *SuppressionsRemoveCmd) Run(cli *CLI) error {
	ctx := context.Background()
	st, err := cli.Suppressions.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.Clear(ctx, c.Address, time.Now())
}
