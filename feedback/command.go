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
)

// CommandSender runs a shell command per report, the report's JSON on its standard input and
// REBOUND_REPORT_ID, REBOUND_REPORT_TYPE, REBOUND_REPORT_EMAIL in its environment. Exit status 0
// is delivered; 65 (EX_DATAERR) is a permanent rejection; anything else is retried.
type CommandSender struct {
	Command string
}

// Send runs the command for r.
func (c *CommandSender) Send(ctx context.Context, r Report) error {
	body, err := json.Marshal(r)
	if err != nil {
		return &PermanentError{Err: err}
	}
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", c.Command)
	cmd.Stdin = bytes.NewReader(append(body, '\n'))
	cmd.Env = append(os.Environ(), "REBOUND_REPORT_ID="+r.ID, "REBOUND_REPORT_TYPE="+r.Type, "REBOUND_REPORT_EMAIL="+r.Email)
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
