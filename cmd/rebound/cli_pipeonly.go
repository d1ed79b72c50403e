//go:build pipeonly

package main

import "github.com/alecthomas/kong"

// The pipe-only build (go build -tags pipeonly, scripts/install.sh --pipe-binary): rebound with
// the global flags and pipe alone, for an MTA that starts one process per bounce. The other
// commands' files are left out, and with them the packages only they need (the scanner, IMAP,
// the stats page, the checks), so that each process maps and initialises less
// (docs/performance.md). TestPipeOnlyBuild builds it and holds its pipe to the whole binary's.

// wholeCLI says that CLI is the pipe-only command line: `--help` is kong's, not the whole
// command line's prerendered help.
const wholeCLI = false

// CLI is the pipe-only build's command line.
type CLI struct {
	Globals `embed:""`

	Pipe PipeCmd `cmd:"" help:"Handle one message on stdin (Postfix pipe, procmail, sieve) and report it."`
}

// BeforeReset checks the environment as the whole CLI's does.
func (c *CLI) BeforeReset(ctx *kong.Context) error { return checkCommandEnvironment(ctx) }
