//go:build !pipeonly

package main

import (
	"github.com/alecthomas/kong"

	// Prints a bare `rebound --help` from its initialisation, before the other packages start.
	_ "github.com/rebound/rebound/internal/earlyhelp"
)

// wholeCLI says that CLI is the whole command line (not the pipe-only build's, cli_pipeonly.go).
const wholeCLI = true

// CLI is rebound's command line: its command model.
//
// The rule every flag follows, checked over the whole model by TestEveryFlagIsAnEnvAndAConfigKey:
//   - its environment variable is REBOUND_ and its name in capitals, "-" turned into "_"
//     (--report-url: REBOUND_REPORT_URL; check's --imap-server: REBOUND_IMAP_SERVER). Do not
//     write an env tag: kong.DefaultEnvars derives it from the name. When a flag is renamed, keep
//     its old variable working with a deprecated-env:"OLD_NAME" tag (a WARN names the new one).
//     Only flags that act instead of setting an option (--help, --version) have none (env:"-"),
//     so that a REBOUND_VERSION left in an environment cannot stop rebound;
//   - its name is a key of the configuration file, at the top level or in the section of its
//     command (pipe:, scan-imap:, ...); configFile checks keys and values against this model,
//     so a new flag needs nothing more.
//
// Secrets are never flags: they come from files (a *-file flag) or the environment
// (REBOUND_REPORT_TOKEN, ...), read where they are used.
type CLI struct {
	Globals `embed:""`

	Parse ParseCmd `cmd:"" help:"Parse bounce messages and print what they say."`
	Pipe  PipeCmd  `cmd:"" help:"Handle one message on stdin (Postfix pipe, procmail, sieve) and report it."`
	Flush FlushCmd `cmd:"" help:"Send the reports waiting in the outbox."`
	Scan  ScanCmd  `cmd:"" help:"Scan a Maildir or an IMAP folder for bounces."`
	Check CheckCmd `cmd:"" help:"Validate the configuration and probe the report endpoint and mailbox."`

	Suppressions SuppressionsCmd `cmd:"" help:"List the dead addresses of the bounce history, or remove one."`
	Stats        StatsCmd        `cmd:"" help:"Count the bounces of the history by reason, category, domain, campaign or day; --html draws charts."`

	Outbox      OutboxCmd     `cmd:"" help:"List, show, retry and purge the reports of the outbox."`
	Version     VersionCmd    `cmd:"" help:"Print the version, VCS revision and Go version of this binary."`
	VersionFlag versionFlag   `name:"version" short:"v" env:"-" help:"Print the version and exit."`
	Completion  CompletionCmd `cmd:"" help:"Print a shell completion script (bash, zsh or fish)."`
	Man         ManCmd        `cmd:"" hidden:"" help:"Print the rebound(1) manual page (roff)."`
}

// BeforeReset is a kong hook, run once the command is known and before the environment is read:
// it checks the environment variables of the command's flags.
func (c *CLI) BeforeReset(ctx *kong.Context) error { return checkCommandEnvironment(ctx) }
