// Command rebound turns email bounces into clean facts and reports them to the application that
// sent the mail.
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"log/syslog"
	"os"

	"github.com/alecthomas/kong"
)

// CLI is rebound's command line.
type CLI struct {
	LogLevel  slog.Level      `name:"log-level" default:"info" env:"REBOUND_LOG_LEVEL" help:"Log level (debug, info, warn, error)."`
	LogFormat string          `name:"log-format" default:"text" enum:"text,json" env:"REBOUND_LOG_FORMAT" help:"Log format (text or json)."`
	Syslog    bool            `name:"syslog" env:"REBOUND_SYSLOG" help:"Also log to syslog (mail facility)."`
	Config    kong.ConfigFlag `name:"config" env:"REBOUND_CONFIG" placeholder:"FILE" help:"YAML configuration file (default /etc/rebound/rebound.yaml when present)."`

	Parse ParseCmd `cmd:"" help:"Parse bounce messages and print what they say."`
	Pipe  PipeCmd  `cmd:"" help:"Handle one message on stdin (Postfix pipe, procmail, sieve) and report it."`
	Flush FlushCmd `cmd:"" help:"Send the reports waiting in the outbox."`
	Scan  ScanCmd  `cmd:"" help:"Scan a Maildir or an IMAP folder for bounces."`
	Check CheckCmd `cmd:"" help:"Validate the configuration and probe the report endpoint and mailbox."`

	Outbox      OutboxCmd     `cmd:"" help:"List, show, retry and purge the reports of the outbox."`
	Version     VersionCmd    `cmd:"" help:"Print the version, VCS revision and Go version of this binary."`
	VersionFlag versionFlag   `name:"version" short:"v" help:"Print the version and exit."`
	Completion  CompletionCmd `cmd:"" help:"Print a shell completion script (bash, zsh or fish)."`
	Man         ManCmd        `cmd:"" hidden:"" help:"Print the rebound(1) manual page (roff)."`
}

// exitCode is returned by commands that need a specific process exit status.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	var cli CLI
	ctx := kong.Parse(&cli,
		kong.Name("rebound"),
		kong.Description("Turn email bounces into clean facts and report them to the sending application."),
		kong.UsageOnError(),
		kong.Configuration(yamlConfig, "/etc/rebound/rebound.yaml"),
	)
	setupLogging(cli.LogLevel, cli.LogFormat, cli.Syslog)
	err := ctx.Run(&cli)
	if err == nil {
		return
	}
	var code exitCode
	if errors.As(err, &code) {
		os.Exit(int(code))
	}
	slog.Error("rebound failed", "err", err)
	os.Exit(1)
}

func setupLogging(level slog.Level, format string, toSyslog bool) {
	opts := &slog.HandlerOptions{Level: level}
	var w io.Writer = os.Stderr
	if toSyslog {
		if sw, err := syslog.New(syslog.LOG_MAIL|syslog.LOG_INFO, "rebound"); err == nil {
			w = io.MultiWriter(os.Stderr, sw)
		}
	}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if format == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	slog.SetDefault(slog.New(h))
}
