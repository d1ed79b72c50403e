package main

import "errors"

// ParseCmd parses messages and prints what they say.
type ParseCmd struct {
	Paths []string `arg:"" help:"Message files, Maildirs, directories, mbox files, or - for stdin."`
}

// Run implements the command.
func (c *ParseCmd) Run(cli *CLI) error { return errors.New("parse: not implemented yet") }
