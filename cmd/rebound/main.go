// Command rebound turns email bounces into clean facts and reports them to the application that
// sent the mail.
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/alecthomas/kong"

	_ "github.com/rebound/rebound/internal/onecore"    // a pipe runs on one processor
	_ "github.com/rebound/rebound/internal/stackstart" // grows the stack before the deep inits
	"github.com/rebound/rebound/pipe"
)

// Globals are the flags of every command.
type Globals struct {
	LogLevel  slog.Level `name:"log-level" default:"info" help:"Log level (debug, info, warn, error)."`
	LogFormat string     `name:"log-format" default:"text" enum:"text,json" help:"Log format (text or json)."`
	Syslog    bool       `name:"syslog" help:"Also log to syslog (mail facility)."`
	Config    string     `name:"config" placeholder:"FILE" help:"YAML configuration file (default /etc/rebound/rebound.yaml when present)."`
}

// pipeCLI is the part of CLI that `rebound pipe` needs: the global flags and pipe. Postfix starts
// one process per bounce, and building kong's model of the whole command line was most of a
// pipe's start-up. Its flags are CLI's (the same types), so it parses a pipe command line as CLI
// does; TestPipeModelIsPartOfCLI holds it to that.
type pipeCLI struct {
	Globals `embed:""`

	Pipe PipeCmd `cmd:"" help:"Handle one message on stdin (Postfix pipe, procmail, sieve) and report it."`
}

// BeforeReset checks the environment as CLI's does.
func (c *pipeCLI) BeforeReset(ctx *kong.Context) error { return checkCommandEnvironment(ctx) }

// envWarnings are the deprecated environment variables in use, logged once logging is set up.
var envWarnings []string

// checkCommandEnvironment checks the environment variables of the flags of the command ctx
// runs and keeps the deprecation warnings in envWarnings.
func checkCommandEnvironment(ctx *kong.Context) error {
	w, err := checkEnvironment(ctx.Flags())
	envWarnings = w
	return err
}

// exitCode is returned by commands that need a specific process exit status.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// exitConfig (EX_CONFIG) is the exit status of a configuration error outside pipe.
const exitConfig = 78

func main() { os.Exit(runMain(os.Args[1:])) }

// newParser builds the command line parser of cli (a *CLI, or a *pipeCLI for pipe alone),
// reading the configuration through resolver, with the options extra (tests' writers).
func newParser(cli any, resolver kong.Resolver, extra ...kong.Option) (*kong.Kong, error) {
	return kong.New(cli, append([]kong.Option{
		kong.Name("rebound"),
		kong.Description("Turn email bounces into clean facts and report them to the sending application."),
		kong.UsageOnError(),
		kong.DefaultEnvars("REBOUND"),
		kong.Resolvers(resolver),
	}, extra...)...)
}

// runMain runs rebound with the arguments args and returns its exit status. In pipe mode every
// failure before the message is handled (a bad flag, configuration or environment variable)
// exits 75 with one line on stderr, so that the MTA keeps the message and retries.
func runMain(args []string) (status int) {
	inPipe := commandName(args) == "pipe"
	if inPipe {
		// Postfix reads only the start of a filter's output and closes the pipe: never die of it.
		signal.Ignore(syscall.SIGPIPE)
		defer func() {
			if r := recover(); r != nil {
				status = pipeStartupFailure(fmt.Errorf("internal error: %v", r))
			}
		}()
	}
	var cli CLI
	var pcli pipeCLI
	cf := &configFile{}
	// A pipe that is not asked for its help or version reads its command line without kong when
	// it can (fastParsePipe), else with the model of pipe alone; the configuration file is
	// checked against the whole model only when pipe's does not know a key.
	onlyPipe := inPipe && !needsNoConfig(args)
	var parser *kong.Kong
	newKong := func() *kong.Kong {
		var p *kong.Kong
		var err error
		if onlyPipe {
			p, err = newParser(&pcli, cf)
		} else {
			p, err = newParser(&cli, cf)
		}
		if err != nil {
			panic(err) // the command model itself is wrong
		}
		return p
	}
	part := func() configModel { return newConfigModel(parser.Model) }
	var whole func() (configModel, error)
	var fast *fastPipeModel
	if onlyPipe {
		// The configuration keys of the whole model, generated from it at build time
		// (TestConfigModelUpToDate): a file with another command's section (scan-imap:, check:)
		// is checked without building the whole model at every pipe.
		whole = func() (configModel, error) { return wholeConfigModel(), nil }
		if m, ok := newFastPipeModel(); ok {
			fast, part = m, m.configModel
		}
	}
	if fast == nil {
		parser = newKong()
	}
	path, explicit := configPath(args)
	loaded, err := loadConfigLazily(path, explicit, commandName(args) == "parse", part, whole)
	if err != nil && needsNoConfig(args) {
		loaded, err = &configFile{}, nil // help and version work whatever the configuration
	}
	if err == nil {
		*cf = *loaded
		var run func() error
		var fastCLI *pipeCLI
		if fast != nil {
			fastCLI, _ = fastParsePipe(fast, args, cf)
		}
		if fastCLI != nil {
			pcli = *fastCLI
			run = func() error { return pcli.Pipe.Run(&cli) }
		} else {
			if parser == nil {
				parser = newKong()
			}
			var kctx *kong.Context
			kctx, err = parser.Parse(args)
			run = func() error { return kctx.Run(&cli) }
		}
		if err == nil {
			if onlyPipe {
				cli.Globals = pcli.Globals
			}
			setupLogging(cli.LogLevel, cli.LogFormat, cli.Syslog)
			if os.Getenv(handedOverEnv) == "" { // else logged by the rebound-pipe that handed over
				warnLoosePermissions("config file", kong.ExpandPath(path))
				for _, w := range envWarnings {
					slog.Warn(w)
				}
			}
			err = run()
			var code exitCode
			switch {
			case err == nil:
				return 0
			case errors.As(err, &code):
				return int(code)
			case inPipe:
				slog.Error("pipe: message not handled", "err", err)
				return pipe.ExitTempFail
			}
			slog.Error("rebound failed", "err", err)
			return 1
		}
	}
	if inPipe {
		return pipeStartupFailure(err)
	}
	var ce configError
	if errors.As(err, &ce) {
		fmt.Fprintf(os.Stderr, "rebound: %s\n", ce)
		return exitConfig
	}
	parser.FatalIfErrorf(err) // the usage and the error, exit 80
	return 1
}

// pipeStartupFailure tells why pipe could not start, in one line, and returns EX_TEMPFAIL.
func pipeStartupFailure(err error) int {
	fix := "fix the pipe command line (e.g. Postfix master.cf)"
	var ce configError
	if errors.As(err, &ce) {
		err, fix = ce, "fix the configuration and run rebound check"
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	fmt.Fprintf(os.Stderr, "rebound pipe: %s; %s; the message stays with the MTA, which retries (exit 75)\n", msg, fix)
	return pipe.ExitTempFail
}

// needsNoConfig reports whether args ask for help, the version, the manual or completions.
func needsNoConfig(args []string) bool {
	switch commandName(args) {
	case "", "version", "completion", "man":
		return true
	}
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "--help", "-h", "--version", "-v":
			return true
		}
	}
	return false
}

// commandName is the first argument that is not a global flag or a global flag's value: the
// command to run ("" when there is none).
func commandName(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			if i+1 < len(args) {
				return args[i+1]
			}
			return ""
		case a == "--log-level" || a == "--log-format" || a == "--config":
			i++ // its value
		case strings.HasPrefix(a, "-"):
		default:
			return a
		}
	}
	return ""
}
