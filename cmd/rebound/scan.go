package main

import "errors"

// ScanCmd scans mailboxes.
type ScanCmd struct {
	Maildir ScanMaildirCmd `cmd:"" help:"Scan a Maildir."`
	IMAP    ScanIMAPCmd    `cmd:"" name:"imap" help:"Scan an IMAP folder."`
}

// ScanMaildirCmd scans a Maildir.
type ScanMaildirCmd struct {
	Dir string `arg:"" help:"Maildir to scan."`
}

// Run implements the command.
func (c *ScanMaildirCmd) Run(cli *CLI) error { return errors.New("scan maildir: not implemented yet") }

// ScanIMAPCmd scans an IMAP folder.
type ScanIMAPCmd struct{}

// Run implements the command.
func (c *ScanIMAPCmd) Run(cli *CLI) error { return errors.New("scan imap: not implemented yet") }
