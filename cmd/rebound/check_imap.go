//go:build !pipeonly

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/rebound/rebound/imap"
	"github.com/rebound/rebound/scan"
)

// CheckIMAPOptions let `rebound check` log in to the IMAP server a scan reads and count what a
// scan would take. In the configuration file, each of them falls back to the scan-imap section
// (imap-server to its server:, imap-from to its from:, ...), so the scan's settings are checked
// as they are.
type CheckIMAPOptions struct {
	IMAPOptions `embed:"" prefix:"imap-"`
	IMAPFrom    string `name:"imap-from" placeholder:"REGEXP" help:"The scan's --from: count only messages whose sender matches."`
	IMAPSince   int    `name:"imap-since" placeholder:"DAYS" help:"The scan's --since: count only messages of the last DAYS days."`
}

// Check logs in, read-only, and runs the scan's filters and parser over the folder without
// moving or sending anything; it does nothing when no server is configured.
func (o *CheckIMAPOptions) Check(ctx context.Context, p *checkPrinter, po *ParseOptions) {
	if o.Server == "" {
		return
	}
	fail := func(err error) { p.fail(fmt.Sprintf("IMAP %s: %v", o.Server, err)) }
	o.flagPrefix = "imap-"
	cfg, err := o.config()
	if err != nil {
		fail(err)
		return
	}
	opts, err := po.DSNOptions()
	if err != nil {
		fail(err)
		return
	}
	from, err := scan.SenderPattern(o.IMAPFrom)
	if err != nil {
		fail(err)
		return
	}
	cfg.DryRun = true // read-only: EXAMINE, create nothing
	cfg.From = serverFrom(o.IMAPFrom)
	sc := scan.Config{Parse: opts, From: from, DryRun: true}
	if o.IMAPSince > 0 {
		sc.Since = time.Now().AddDate(0, 0, -o.IMAPSince)
		cfg.Since = sc.Since
	}
	src, err := imap.Connect(ctx, cfg)
	if err != nil {
		fail(explainIMAP(err, "imap-"))
		return
	}
	defer src.Close()
	st, err := scan.Run(ctx, src, sc)
	if err != nil {
		fail(err)
		return
	}
	take := st.Bounces + st.Complaints + st.Delays
	p.ok(fmt.Sprintf("IMAP %s as %s: %d messages in %s a scan would take (%d bounces, %d complaints, %d delays), %d it leaves alone",
		cfg.Server, cfg.User, take, cfg.Folder, st.Bounces, st.Complaints, st.Delays, st.Skipped+st.Errors))
}
