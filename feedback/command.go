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
)

// CommandSender runs a shell command per report, the report's JSON on its standard input and
// REBOUND_REPORT_ID, REBOUND_REPORT_TYPE, REBOUND_REPORT_EMAIL in its environment. Exit status 0
// is delivered; 65 (EX_DATAERR) is a permanent rejection; anything else is retried. The command
// does not inherit rebound's own secrets (see CommandEnv).
type CommandSender struct {
	Command string
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
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", c.Command)
	cmd.Stdin = bytes.NewReader(append(body, '\n'))
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == 65:
		return &PermanentError{Err: fmt.Errorf("report command refused %s: %s", r.ID, bytes.TrimSpace(stderr.Bytes()))}
	default:
		return fmt.Errorf("report command for %s: %v: %s", r.ID, err, bytes.TrimSpace(stderr.Bytes()))
	}
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
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return &PermanentError{Err: err}
	}
	_, err := w.W.Write(b.Bytes())
	return err
}
