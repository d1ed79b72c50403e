package main

import "errors"

// PipeCmd handles one message on stdin.
type PipeCmd struct{}

// Run implements the command.
func (c *PipeCmd) Run(cli *CLI) error { return errors.New("pipe: not implemented yet") }
