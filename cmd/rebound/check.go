package main

import "errors"

// CheckCmd validates the configuration.
type CheckCmd struct {
	IMAP CheckIMAPOptions `embed:""`
}

// Run implements the command.
func (c *CheckCmd) Run(cli *CLI) error { return errors.New("check: not implemented yet") }
