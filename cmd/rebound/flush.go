package main

import "errors"

// FlushCmd sends what waits in the outbox.
type FlushCmd struct{}

// Run implements the command.
func (c *FlushCmd) Run(cli *CLI) error { return errors.New("flush: not implemented yet") }
