//go:build !pipeonly

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/history"
	"github.com/rebound/rebound/outbox"
)

// CheckCmd validates the configuration, probes the report endpoint, says whether the user
// rebound runs as can write the outbox, looks at what waits there and, when an IMAP server is
// configured, counts the bounces a scan would take. It creates and changes nothing.
type CheckCmd struct {
	ParseOptions     `embed:""`
	ReportOptions    `embed:""`
	IMAP             CheckIMAPOptions `embed:""`
	User             string           `name:"run-user" placeholder:"USER" help:"The user pipe, flush and scan run as (e.g. rebound; not --imap-user): check says whether it can write the outbox (default: the current user)."`
	KeepUnrecognized string           `name:"keep-unrecognized" placeholder:"MAILDIR" help:"The pipe's --keep-unrecognized (read from the file's pipe section): check says whether the run user can write it."`
	Archive          string           `name:"archive" placeholder:"MAILDIR" help:"The pipe's --archive (read from the file's pipe section): check says whether the run user can write it."`
	MaxWaiting       time.Duration    `name:"max-waiting" default:"1h" help:"Warn about reports waiting in the outbox longer than this."`
	History          string           `name:"history" placeholder:"PATH|URL" help:"The pipe's and scan's --history (read from the file's pipe section too): check says whether the run user can write a SQLite history."`
}

// checkPrinter prints check's lines: ok, warn (check still passes) and FAIL.
type checkPrinter struct {
	w      io.Writer
	failed bool
}

func (p *checkPrinter) check(what string, err error) {
	if err != nil {
		p.fail(fmt.Sprintf("%s: %v", what, err))
	} else {
		p.ok(what)
	}
}
func (p *checkPrinter) ok(msg string)   { fmt.Fprintf(p.w, "ok    %s\n", msg) }
func (p *checkPrinter) warn(msg string) { fmt.Fprintf(p.w, "warn  %s\n", msg) }
func (p *checkPrinter) info(msg string) { fmt.Fprintf(p.w, "      %s\n", msg) }
func (p *checkPrinter) fail(msg string) {
	p.failed = true
	fmt.Fprintf(p.w, "FAIL  %s\n", msg)
}

// Run implements the command.
func (c *CheckCmd) Run(cli *CLI) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := &checkPrinter{w: os.Stdout}
	_, err := c.DSNOptions()
	p.check("parse options (rules, VERP templates, patterns)", err)
	sender, err := c.Sender()
	p.check("report destination", err)
	if err == nil {
		switch s := sender.(type) {
		case *feedback.HTTPSender:
			p.check("report endpoint "+c.ReportURL+" answers", s.Probe(ctx))
		case *feedback.CommandSender:
			name := strings.Fields(s.Command)
			if len(name) > 0 {
				_, err := exec.LookPath(name[0])
				p.check("report command "+name[0]+" is executable", err)
			}
		}
	}
	secrets, historyFile := c.secretFiles(), sqliteHistory(c.History)
	if c.History != "" {
		if err := history.Usable(c.History); err != nil {
			p.fail(fmt.Sprintf("history: %v: the pipe would exit 75 at every bounce", err))
			historyFile = ""
		}
	}
	if c.Outbox != "" || c.KeepUnrecognized != "" || c.Archive != "" || historyFile != "" || len(secrets) > 0 {
		u, err := lookupRunUser(c.User)
		if err != nil {
			p.fail(fmt.Sprintf("--run-user: %v", err))
		} else {
			if c.User == "" && u.uid == 0 {
				p.warn("paths checked for root, who can write anything: give --run-user (the user the pipe runs as, e.g. rebound)")
			}
			checkReadable(p, u, secrets)
			checkHistory(p, u, historyFile)
			if c.Outbox != "" {
				c.checkOutbox(p, u)
			}
			for _, m := range []struct{ what, dir string }{
				{"keep-unrecognized Maildir", c.KeepUnrecognized}, {"archive Maildir", c.Archive},
			} {
				if m.dir != "" {
					checkWritable(p, u, m.what+" "+m.dir, m.dir, maildirFolders(m.dir), "the pipe would exit 75 and the MTA keep retrying the message")
				}
			}
		}
	}
	c.IMAP.Check(ctx, p, &c.ParseOptions)
	if p.failed {
		return exitCode(1)
	}
	return nil
}

// secretFile is a file that pipe, flush or scan read at start, named by its flag.
type secretFile struct{ flag, path string }

// secretFiles are the files of the report and IMAP options that the run user must be able to
// read; check itself may read them as root.
func (c *CheckCmd) secretFiles() []secretFile {
	var out []secretFile
	for _, f := range []secretFile{
		{"--report-token-file", c.ReportTokenFile}, {"--report-password-file", c.ReportPasswordFile},
		{"--report-secret-file", c.ReportSecretFile}, {"--report-ca-file", c.ReportCAFile},
		{"--imap-password-file", c.IMAP.PasswordFile}, {"--imap-ca-file", c.IMAP.CAFile},
	} {
		if f.path != "" {
			out = append(out, f)
		}
	}
	return out
}

// checkReadable fails each file the run user cannot read: check, run as root, reads it fine,
// while the pipe, run as that user, would exit 75 at every bounce.
func checkReadable(p *checkPrinter, u *runUser, files []secretFile) {
	for _, f := range files {
		if _, err := os.Stat(f.path); err != nil {
			continue // a missing file is told where it is read
		}
		if err := u.canRead(f.path); err != nil {
			group := groupName(strconv.Itoa(int(u.gid)))
			p.fail(fmt.Sprintf("%s %s: %v: rebound run as %s cannot start (the pipe exits 75 at every bounce); run chgrp %s %s && chmod 640 %s",
				f.flag, f.path, err, u.name, group, f.path, f.path))
		}
	}
}

// sqliteHistory is the path of a SQLite history, or "" for none or a PostgreSQL URL.
func sqliteHistory(target string) string {
	if strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://") {
		return ""
	}
	return target
}

// checkHistory says whether the run user can write the SQLite history at path: its folder,
// which nothing creates (SQLite makes only the file, and its journal beside it), and the file
// when it exists. Without it the pipe exits 75 at every bounce.
func checkHistory(p *checkPrinter, u *runUser, path string) {
	if path == "" {
		return
	}
	what, dir := "history "+path, filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		p.fail(fmt.Sprintf("%s: its folder %s does not exist, and rebound does not create it: the pipe would exit 75 at every bounce; run install -d -o %s -m 0750 %s",
			what, dir, u.name, dir))
		return
	}
	err := u.canWrite(dir)
	if _, serr := os.Stat(path); err == nil && serr == nil {
		err = u.can(path, "write", accessWrite, `test -w "$1"`)
	}
	if err != nil {
		p.fail(fmt.Sprintf("%s: %v: the pipe would exit 75 at every bounce; run chown %s: %s (and the file)", what, err, u.name, dir))
		return
	}
	p.ok(fmt.Sprintf("%s: %s can write it (%s)", what, u.name, ownerMode(dir)))
}

// checkOutbox says whether the run user can write the outbox and each of its folders, then
// warns about refused reports, reports waiting too long and claims of dead processes. It never
// creates the outbox: pipe and flush do, as the user they run as.
func (c *CheckCmd) checkOutbox(p *checkPrinter, u *runUser) {
	what := "outbox " + c.Outbox
	if !checkWritable(p, u, what, c.Outbox, outboxFolders(c.Outbox), "the pipe would send reports at once, without the outbox") {
		return
	}
	ob, err := outbox.OpenExisting(c.Outbox)
	if errors.Is(err, fs.ErrNotExist) {
		return // not made yet: nothing waits
	}
	var items []outbox.Item
	if err == nil {
		items, err = ob.List()
	}
	if err != nil {
		p.fail(fmt.Sprintf("%s: %v", what, err))
		return
	}
	warnOutbox(p, items, time.Now(), c.MaxWaiting)
}

// checkWritable prints whether u can write dir and those of its folders that exist, or, when dir
// does not exist, create it; it says what would go wrong otherwise. It reports whether the
// folders it found are readable for what follows.
func checkWritable(p *checkPrinter, u *runUser, what, dir string, folders []string, otherwise string) bool {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		parent := existingParent(dir)
		if err := u.canWrite(parent); err != nil {
			p.fail(fmt.Sprintf("%s does not exist and %v: create it owned by %s, mode 0750", what, err, u.name))
			return false
		}
		p.ok(fmt.Sprintf("%s does not exist yet; %s can create it (the pipe does when it needs it)", what, u.name))
		return true
	} else if err != nil {
		p.fail(fmt.Sprintf("%s: %v", what, err))
		return false
	}
	writable := true
	for _, d := range append([]string{dir}, folders...) {
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			continue // made when first needed, as dir is writable
		}
		if err := u.canWrite(d); err != nil {
			writable = false
			p.fail(fmt.Sprintf("%s: %v: %s; run chown -R %s: %s", what, err, otherwise, u.name, dir))
		}
	}
	if writable {
		p.ok(fmt.Sprintf("%s: %s can write it (%s)", what, u.name, ownerMode(dir)))
	}
	return true
}

// maildirFolders are the folders of a Maildir that delivering into it writes.
func maildirFolders(dir string) []string {
	return []string{filepath.Join(dir, "tmp"), filepath.Join(dir, "new")}
}

func outboxFolders(dir string) []string {
	var out []string
	for _, d := range []string{"tmp", "new", "cur", "failed", "sent"} {
		out = append(out, filepath.Join(dir, d))
	}
	return out
}

// maxListed is how many reports a warning names.
const maxListed = 5

// warnOutbox counts the outbox's reports and warns about those that need an operator.
func warnOutbox(p *checkPrinter, items []outbox.Item, now time.Time, maxWaiting time.Duration) {
	counts := map[outbox.State]int{}
	var failed, late, stale []outbox.Item
	for _, it := range items {
		counts[it.State]++
		switch it.State {
		case outbox.StateFailed:
			failed = append(failed, it)
		case outbox.StateStale:
			stale = append(stale, it)
		case outbox.StateWaiting, outbox.StateHeld:
			if it.Age(now) > maxWaiting {
				late = append(late, it)
			}
		}
	}
	p.info(fmt.Sprintf("outbox: %d waiting, %d held for a retry, %d being sent, %d stale, %d refused in failed/",
		counts[outbox.StateWaiting], counts[outbox.StateHeld], counts[outbox.StateSending], counts[outbox.StateStale], counts[outbox.StateFailed]))
	describe := func(it outbox.Item) string {
		s := fmt.Sprintf("%s %s (%s ago", it.ID, it.Report.Email, formatAge(it.Age(now)))
		if it.LastError != "" {
			s += ", " + oneLine(it.LastError, 100)
		}
		return s + ")"
	}
	list := func(items []outbox.Item) {
		for i, it := range items {
			if i == maxListed {
				p.info(fmt.Sprintf("  ... and %d more (rebound outbox list)", len(items)-maxListed))
				break
			}
			p.info("  " + describe(it))
		}
	}
	if len(failed) > 0 {
		p.warn(fmt.Sprintf("outbox: %d reports refused for good by the receiver, in failed/ (rebound outbox show ID; rebound outbox retry --failed once fixed):", len(failed)))
		list(failed)
	}
	if len(late) > 0 {
		p.warn(fmt.Sprintf("outbox: %d reports waiting longer than %s: is rebound flush running, does the receiver answer?", len(late), maxWaiting))
		list(late)
	}
	if len(stale) > 0 {
		p.warn(fmt.Sprintf("outbox: %d reports claimed by a process that died; the next flush puts them back:", len(stale)))
		list(stale)
	}
}
