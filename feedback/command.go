package feedback

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// CommandSender runs a shell command per report, the report's JSON on its standard input and
// REBOUND_REPORT_ID, REBOUND_REPORT_TYPE, REBOUND_REPORT_EMAIL in its environment. Exit status 0
// is delivered; the others mean what commandExits says (65, EX_DATAERR: the report is refused for
// good; 64, 77, 78, 126, 127: the command or its setup is wrong); anything else is retried. The
// command runs in its own process group, killed whole when Timeout (or the context) ends; it
// does not inherit rebound's own secrets (see CommandEnv).
type CommandSender struct {
	Command string
	Timeout time.Duration // 0: no limit but the context's
}

// commandExits maps a report command's exit status (sysexits.h, and the shell's own) to its
// meaning. Other statuses are temporary.
var commandExits = map[int]statusRule{
	65:  {KindPermanent, ""},
	64:  {KindConfig, "the report command was called wrongly (EX_USAGE): check --report-cmd"},
	77:  {KindConfig, "the report command lacks a permission (EX_NOPERM)"},
	78:  {KindConfig, "the report command says its configuration is wrong (EX_CONFIG)"},
	126: {KindConfig, "the report command cannot be executed: check --report-cmd and its permissions"},
	127: {KindConfig, "the report command was not found: check --report-cmd"},
}

// Send runs the command for r. A report whose fields cannot be passed in the environment (a NUL
// byte) is refused for good: running the command again would fail the same way.
func (c *CommandSender) Send(ctx context.Context, r Report) error {
	body, err := json.Marshal(r)
	if err != nil {
		return &PermanentError{Err: err}
	}
	env, err := CommandEnv(os.Environ(), r)
	if err != nil {
		return &PermanentError{Err: fmt.Errorf("report %s: %w", r.ID, err)}
	}
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", c.Command)
	killGroupOnCancel(cmd)
	cmd.Stdin = bytes.NewReader(append(body, '\n'))
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("report command for %s: stopped: %w", r.ID, ctx.Err())
	}
	var exit *exec.ExitError
	rule := statusRule{kind: KindTemporary}
	if errors.As(err, &exit) {
		if r, ok := commandExits[exit.ExitCode()]; ok {
			rule = r
		}
	}
	err = fmt.Errorf("report command for %s: %v: %s", r.ID, err, bytes.TrimSpace(stderr.Bytes()))
	switch rule.kind {
	case KindPermanent:
		return &PermanentError{Err: err}
	case KindConfig:
		return &ConfigError{Err: err, Fix: rule.fix}
	}
	return err
}

// killGroupOnCancel starts cmd in a process group of its own and, when its context ends, kills
// the whole group: the shell and whatever it started (a curl waiting on a dead server). The
// wait for its output ends a few seconds later even if a grandchild holds the pipes.
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	cmd.WaitDelay = 2 * time.Second
}

// secretEnvWords mark the variables of rebound's configuration that hold secrets: a REBOUND_
// variable whose name contains one of them is not passed to a report command.
var secretEnvWords = []string{"PASSWORD", "SECRET", "TOKEN"}

// CommandEnv returns the environment of a report command: base without rebound's secret
// variables (REBOUND_*PASSWORD*, *SECRET*, *TOKEN*: the command has no use for them, and a
// script it runs could leak them), plus the report's id, type and address. It fails when a value
// of the report contains a NUL byte, which no environment can hold.
func CommandEnv(base []string, r Report) ([]string, error) {
	env := make([]string, 0, len(base)+3)
	for _, kv := range base {
		if !secretVariable(kv) {
			env = append(env, kv)
		}
	}
	for _, v := range [][2]string{{"REBOUND_REPORT_ID", r.ID}, {"REBOUND_REPORT_TYPE", r.Type}, {"REBOUND_REPORT_EMAIL", r.Email}} {
		if strings.IndexByte(v[1], 0) >= 0 {
			return nil, fmt.Errorf("%s holds a NUL byte: not passed to the report command", v[0])
		}
		env = append(env, v[0]+"="+v[1])
	}
	return env, nil
}

// secretVariable tells a "NAME=value" entry holding one of rebound's secrets.
func secretVariable(kv string) bool {
	name, _, _ := strings.Cut(kv, "=")
	name = strings.ToUpper(name)
	if !strings.HasPrefix(name, "REBOUND_") {
		return false
	}
	for _, w := range secretEnvWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// WriterSender writes each report as one JSON line (for --report-url -, jq, dry runs).
type WriterSender struct {
	W io.Writer
}

// Send writes r.
func (w *WriterSender) Send(_ context.Context, r Report) error {
	_, err := w.W.Write(append(r.AppendJSON(make([]byte, 0, 512)), '\n'))
	return err
}
