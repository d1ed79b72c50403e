package main

import (
	"context"
	"fmt"
	"io"

	"github.com/rebound/rebound/imap"
)

// CheckIMAPOptions let `rebound check` log in to an IMAP server and count waiting bounces.
type CheckIMAPOptions struct {
	IMAPOptions `embed:"" prefix:"imap-"`
	IMAPFrom    string `name:"imap-from" placeholder:"ADDRESS" help:"Count only messages from this sender (server-side FROM search)."`
}

// Check logs in and prints how many messages wait; it does nothing when no server is configured.
func (o *CheckIMAPOptions) Check(ctx context.Context, w io.Writer) error {
	if o.Server == "" {
		return nil
	}
	cfg, err := o.config()
	if err != nil {
		return err
	}
	cfg.DryRun = true // read-only: create nothing
	cfg.From = o.IMAPFrom
	src, err := imap.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer src.Close()
	n, err := src.Count()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ok    IMAP %s as %s: %d messages waiting in %s\n", cfg.Server, cfg.User, n, cfg.Folder)
	return nil
}
