package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
)

// CheckCmd validates the configuration, probes the report endpoint and, when an IMAP server is
// configured, counts the bounces waiting there.
type CheckCmd struct {
	ParseOptions  `embed:""`
	ReportOptions `embed:""`
	IMAP          CheckIMAPOptions `embed:""`
}

// Run implements the command.
func (c *CheckCmd) Run(cli *CLI) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	failed := false
	check := func(what string, err error) {
		if err != nil {
			failed = true
			fmt.Printf("FAIL  %s: %v\n", what, err)
		} else {
			fmt.Printf("ok    %s\n", what)
		}
	}
	_, err := c.DSNOptions()
	check("parse options (rules, VERP templates, patterns)", err)
	sender, err := c.Sender()
	check("report destination", err)
	if err == nil {
		switch s := sender.(type) {
		case *feedback.HTTPSender:
			check("report endpoint "+c.ReportURL+" answers", s.Probe(ctx))
		case *feedback.CommandSender:
			name := strings.Fields(s.Command)
			if len(name) > 0 {
				_, err := exec.LookPath(name[0])
				check("report command "+name[0]+" is executable", err)
			}
		}
	}
	if c.Outbox != "" {
		rep, err := c.Reporter()
		if err == nil && rep.Outbox == nil {
			err = fmt.Errorf("cannot be opened")
		}
		if err == nil {
			waiting, failedReports, perr := rep.Outbox.Pending()
			err = perr
			if err == nil {
				fmt.Printf("      outbox: %d waiting, %d refused in failed/\n", waiting, failedReports)
			}
		}
		check("outbox "+c.Outbox, err)
	}
	if err := c.IMAP.Check(ctx, os.Stdout); err != nil {
		check("IMAP mailbox", err)
	}
	if failed {
		return exitCode(1)
	}
	return nil
}
