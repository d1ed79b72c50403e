//go:build !pipeonly

package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/imap"
	"github.com/rebound/rebound/maildir"
	"github.com/rebound/rebound/mailsource"
	"github.com/rebound/rebound/metrics"
	"github.com/rebound/rebound/outbox"
	"github.com/rebound/rebound/scan"
)

// ScanCmd scans mailboxes.
type ScanCmd struct {
	Maildir ScanMaildirCmd `cmd:"" help:"Scan a Maildir."`
	IMAP    ScanIMAPCmd    `cmd:"" name:"imap" help:"Scan an IMAP folder."`
}

// ScanOptions are the options every scan shares.
type ScanOptions struct {
	Backup       string        `name:"backup" env:"REBOUND_BACKUP" default:"Bounces.Processed" help:"Folder the processed bounces are moved to (created when missing)."`
	Unrecognized string        `name:"unrecognized" placeholder:"FOLDER" env:"REBOUND_UNRECOGNIZED" help:"Folder for messages that are not bounces (default: they stay where they are)."`
	From         string        `name:"from" placeholder:"REGEXP" env:"REBOUND_FROM" help:"Only messages whose sender matches this regular expression (e.g. 'mailer-daemon|postmaster'); complaints and SES notifications are taken whatever their sender."`
	Since        int           `name:"since" env:"REBOUND_SINCE" help:"Only messages of the last DAYS days." placeholder:"DAYS"`
	Limit        int           `name:"limit" placeholder:"N" env:"REBOUND_LIMIT" help:"At most N messages."`
	DryRun       bool          `name:"dry-run" help:"Parse and print; move nothing, send nothing."`
	JSON         bool          `name:"json" help:"Print one JSON line per message, as parse --json."`
	Progress     bool          `name:"progress" negatable:"" default:"true" help:"Show progress on a terminal."`
	NoFlush      bool          `name:"no-flush" env:"REBOUND_NO_FLUSH" help:"Only queue the reports in the outbox; leave their delivery to rebound flush (e.g. its systemd timer)."`
	Deadline     time.Duration `name:"deadline" env:"REBOUND_DEADLINE" default:"30m" help:"Stop after this long, sending included (0: no limit); the messages not scanned yet stay for the next scan."`

	HistoryOptions `embed:""`
	MetricsOptions `embed:""`
}

func (o *ScanOptions) since() time.Time {
	if o.Since <= 0 {
		return time.Time{}
	}
	return time.Now().AddDate(0, 0, -o.Since)
}

// scanFaults, set only in a binary built for the fault tests (faults.go), adds their hooks to a
// scan's configuration.
var scanFaults func(*scan.Config)

// runScan runs the scan engine over src, then flushes the outbox, and prints the summary.
func runScan(src scan.Source, so *ScanOptions, po *ParseOptions, ro *ReportOptions) error {
	opts, err := po.DSNOptions()
	if err != nil {
		return err
	}
	from, err := scan.SenderPattern(so.From)
	if err != nil {
		return err
	}
	// As in parse: a scan allocates much and keeps little (the messages being parsed, a
	// batch's reports); fewer, larger collections.
	debug.SetGCPercent(400)
	cfg := scan.Config{Parse: opts, Build: ro.BuildOptions(), From: from, Since: so.since(), Limit: so.Limit, DryRun: so.DryRun}
	if scanFaults != nil {
		scanFaults(&cfg) // only in a binary built for the fault tests (faults.go)
	}
	if so.JSON {
		cfg.JSON = os.Stdout
	}
	var table *tabwriter.Writer // scan --dry-run prints parse's table
	if so.DryRun && !so.JSON {
		table = newParseTable(os.Stdout)
		cfg.Print = func(name string, rep *dsn.Report) {
			printTable(table, mailsource.Parsed{Source: name, Report: rep})
		}
	}
	rep, err := ro.Reporter()
	if err != nil && !so.DryRun {
		return err
	}
	if rep != nil {
		cfg.Reporter = rep
		if rep.Outbox != nil {
			// Group commit: a batch of messages' reports synced together, then those moved.
			cfg.NewBatch = func() scan.ReportBatch { return rep.NewBatch() }
		}
	}
	if !so.DryRun {
		decider, err := so.recorder(context.Background(), "scan", ro)
		if err != nil {
			return err
		}
		if decider != nil {
			defer decider.Store.Close()
			cfg.Decider = decider
		}
	}
	var run *metrics.Run
	if !so.DryRun {
		cfg.Decider, run = so.observe(cfg.Decider, "scan")
	}
	if so.Progress && term.IsTerminal(int(os.Stderr.Fd())) {
		cfg.Progress = progressLine(os.Stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := withDeadline(ctx, so.Deadline)
	defer cancel()
	st, err := scan.Run(ctx, src, cfg)
	err = deadlineReached(err, "scan", so.Deadline)
	if cfg.Progress != nil {
		fmt.Fprint(os.Stderr, clearLine)
	}
	if table != nil {
		table.Flush()
	}
	var flushed outbox.Stats
	if rep != nil && !so.DryRun && !(so.NoFlush && rep.Outbox != nil) {
		var ferr error
		if flushed, ferr = rep.Flush(ctx); ferr != nil {
			slog.Warn("scan: some reports wait in the outbox for the next flush", "err", ferr)
		}
	}
	so.finish(run, rep, flushed)
	idle := st.Scanned == 0 && st.Errors == 0 && err == nil && flushed.Delivered+flushed.Rejected+flushed.Retry+flushed.Config == 0
	if idle && !term.IsTerminal(int(os.Stderr.Fd())) {
		// Nothing arrived since the last scan, nothing was sent: a cron job or timer stays quiet.
		slog.Debug("scan: no message to scan", "flushed", flushed.Delivered)
	} else {
		fmt.Fprintln(os.Stderr, "rebound scan:", st)
		if rep != nil && !so.DryRun {
			printReportCounts(os.Stderr, rep, flushed)
		}
	}
	if err != nil {
		return err
	}
	if st.Errors > 0 {
		return exitCode(1)
	}
	return nil
}

// clearLine goes back to the start of the terminal's line and erases it.
const clearLine = "\r\x1b[K"

// printReportCounts says what became of the scan's reports: delivered (at once or by the flush
// that ends the scan, which also sends what waited before), queued in the outbox, held there for
// the next flush, and already reported by an earlier run, so that a rescan that sends nothing
// says why.
func printReportCounts(w io.Writer, rep *outbox.Reporter, flushed outbox.Stats) {
	c := rep.Counts
	held := 0
	if rep.Outbox != nil {
		held, _, _ = rep.Outbox.Pending()
	}
	fmt.Fprintf(w, "rebound scan: reports: %d delivered, %d queued, %d held in the outbox for the next flush, %d already reported",
		c.Sent+flushed.Delivered, c.Queued, held, c.AlreadyReported)
	if n := c.Refused + flushed.Rejected; n > 0 {
		fmt.Fprintf(w, ", %d refused by the receiver", n)
	}
	fmt.Fprintln(w)
	if c.AlreadyReported > 0 && c.Queued+c.Sent == 0 {
		fmt.Fprintf(w, "rebound scan: every report of these messages was reported before: nothing is sent again\n")
	}
}

// progressLine redraws one status line.
func progressLine(w io.Writer) func(scan.Stats) {
	last := time.Time{}
	return func(st scan.Stats) {
		if time.Since(last) < 200*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "%s%s", clearLine, st)
	}
}

// ScanMaildirCmd scans a Maildir.
type ScanMaildirCmd struct {
	ScanOptions   `embed:""`
	ParseOptions  `embed:""`
	ReportOptions `embed:""`

	Dir string `arg:"" help:"Maildir to scan (its new/ and cur/)."`
}

// Run implements the command.
func (c *ScanMaildirCmd) Run(cli *CLI) error {
	src, err := maildir.Open(c.Dir, c.Backup, c.Unrecognized, c.DryRun)
	if err != nil {
		return err
	}
	src.NoDates = c.Since <= 0
	return runScan(src, &c.ScanOptions, &c.ParseOptions, &c.ReportOptions)
}

// IMAPOptions say how to reach an IMAP folder.
type IMAPOptions struct {
	Server       string `name:"server" placeholder:"HOST:PORT" deprecated-env:"REBOUND_IMAP_SERVER" help:"IMAP server host:port."`
	Security     string `name:"security" deprecated-env:"REBOUND_IMAP_SECURITY" default:"tls" enum:"tls,starttls,none" help:"tls (implicit, port 993), starttls, or none (127.0.0.1 only)."`
	CAFile       string `name:"ca-file" placeholder:"FILE" deprecated-env:"REBOUND_IMAP_CA_FILE" help:"CA certificate of a private server."`
	User         string `name:"user" placeholder:"USER" deprecated-env:"REBOUND_IMAP_USER" help:"IMAP user."`
	PasswordFile string `name:"password-file" placeholder:"FILE" deprecated-env:"REBOUND_IMAP_PASSWORD_FILE" help:"File holding the password (or set REBOUND_IMAP_PASSWORD)."`
	Folder       string `name:"folder" deprecated-env:"REBOUND_IMAP_FOLDER" default:"INBOX" help:"Folder to scan."`

	flagPrefix string `kong:"-"` // the prefix of these options' flags where they are embedded ("imap-" in check)
}

func (o *IMAPOptions) config() (imap.Config, error) {
	p := o.flagPrefix
	if o.Server == "" || o.User == "" {
		return imap.Config{}, fmt.Errorf("--%sserver and --%suser are needed", p, p)
	}
	if err := checkHostPort("--"+p+"server", o.Server); err != nil {
		return imap.Config{}, err
	}
	pw, err := secret("REBOUND_IMAP_PASSWORD", o.PasswordFile)
	if err != nil {
		return imap.Config{}, err
	}
	if pw == "" {
		return imap.Config{}, fmt.Errorf("no password set (--%spassword-file or REBOUND_IMAP_PASSWORD)", p)
	}
	return imap.Config{Server: o.Server, Security: o.Security, CAFile: o.CAFile, User: o.User, Password: pw, Folder: o.Folder}, nil
}

// ScanIMAPCmd scans an IMAP folder.
type ScanIMAPCmd struct {
	IMAPOptions   `embed:""`
	ScanOptions   `embed:""`
	ParseOptions  `embed:""`
	ReportOptions `embed:""`
}

// Run implements the command.
func (c *ScanIMAPCmd) Run(cli *CLI) error {
	cfg, err := c.config()
	if err != nil {
		return err
	}
	cfg.Backup, cfg.Unrecognized, cfg.Since, cfg.DryRun = c.Backup, c.Unrecognized, c.since(), c.DryRun
	cfg.From = serverFrom(c.From)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src, err := imap.Connect(ctx, cfg)
	if err != nil {
		return explainIMAP(err, "")
	}
	defer src.Close()
	return runScan(src, &c.ScanOptions, &c.ParseOptions, &c.ReportOptions)
}

// serverFrom turns a --from pattern into a FROM search text when it is a plain word, so that the
// server does the filtering; otherwise the client filters.
func serverFrom(p string) string {
	for _, c := range p {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '@') {
			return ""
		}
	}
	return p
}
