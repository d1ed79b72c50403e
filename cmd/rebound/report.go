package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/outbox"
)

// ReportOptions say where and how reports go. Secrets are read from files or the environment,
// never from the command line.
type ReportOptions struct {
	ReportURL          string        `name:"report-url" placeholder:"URL" env:"REBOUND_REPORT_URL" help:"Webhook receiving the reports, or - for JSON lines on stdout."`
	ReportFormat       string        `name:"report-format" env:"REBOUND_REPORT_FORMAT" default:"json" enum:"json,listmonk,form" help:"Webhook format: json, listmonk or form (SPIP Newsletters)."`
	ReportCmd          string        `name:"report-cmd" placeholder:"COMMAND" env:"REBOUND_REPORT_CMD" help:"Command run per report with its JSON on stdin (exit 0 = delivered), instead of a webhook."`
	ReportUser         string        `name:"report-user" placeholder:"USER" env:"REBOUND_REPORT_USER" help:"User for HTTP basic authentication."`
	ReportPasswordFile string        `name:"report-password-file" placeholder:"FILE" env:"REBOUND_REPORT_PASSWORD_FILE" help:"File holding the basic-auth password (or set REBOUND_REPORT_PASSWORD)."`
	ReportTokenFile    string        `name:"report-token-file" placeholder:"FILE" env:"REBOUND_REPORT_TOKEN_FILE" help:"File holding the bearer token, or listmonk's user:token (or set REBOUND_REPORT_TOKEN)."`
	ReportSecretFile   string        `name:"report-secret-file" placeholder:"FILE" env:"REBOUND_REPORT_SECRET_FILE" help:"File holding the HMAC-SHA256 signing secret (or set REBOUND_REPORT_SECRET)."`
	ReportCAFile       string        `name:"report-ca-file" placeholder:"FILE" env:"REBOUND_REPORT_CA_FILE" help:"CA certificate to trust for the webhook."`
	InsecureSkipVerify bool          `name:"insecure-skip-verify" env:"REBOUND_INSECURE_SKIP_VERIFY" help:"Do not verify the webhook's TLS certificate (logged)."`
	ReportTimeout      time.Duration `name:"report-timeout" env:"REBOUND_REPORT_TIMEOUT" default:"30s" help:"Timeout of one report delivery (a webhook request or a report command); pipe sends its own reports within it."`
	ReportDelays       bool          `name:"report-delays" env:"REBOUND_REPORT_DELAYS" help:"Also report delayed deliveries (type delay)."`
	Outbox             string        `name:"outbox" placeholder:"DIR" env:"REBOUND_OUTBOX" help:"Durable spool of reports; without it reports are sent at once."`
}

// secret reads a secret from the environment variable env, else from file (and warns when
// others may read the file).
func secret(env, file string) (string, error) {
	if v := os.Getenv(env); v != "" {
		return v, nil
	}
	if file == "" {
		return "", nil
	}
	warnLoosePermissions("secret file", file)
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("reading secret: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// Sender builds the configured sender.
func (o *ReportOptions) Sender() (feedback.Sender, error) {
	switch {
	case o.ReportCmd != "":
		return &feedback.CommandSender{Command: o.ReportCmd, Timeout: o.ReportTimeout}, nil
	case o.ReportURL == "-":
		return &feedback.WriterSender{W: os.Stdout}, nil
	case o.ReportURL == "":
		return nil, fmt.Errorf("no report destination: set --report-url or --report-cmd")
	}
	if err := refuseURLCredentials(o.ReportURL); err != nil {
		return nil, err
	}
	cfg := feedback.HTTPConfig{
		URL: o.ReportURL, Format: o.ReportFormat, User: o.ReportUser,
		CAFile: o.ReportCAFile, Insecure: o.InsecureSkipVerify, Timeout: o.ReportTimeout,
	}
	var err error
	if cfg.Token, err = secret("REBOUND_REPORT_TOKEN", o.ReportTokenFile); err != nil {
		return nil, err
	}
	if cfg.Password, err = secret("REBOUND_REPORT_PASSWORD", o.ReportPasswordFile); err != nil {
		return nil, err
	}
	if cfg.Secret, err = secret("REBOUND_REPORT_SECRET", o.ReportSecretFile); err != nil {
		return nil, err
	}
	return feedback.NewHTTPSender(cfg)
}

// Reporter builds the reporter: the sender, behind the outbox when one is configured. An
// outbox that cannot be opened is not fatal: reports are then sent at once.
func (o *ReportOptions) Reporter() (*outbox.Reporter, error) {
	s, err := o.Sender()
	if err != nil {
		return nil, err
	}
	r := &outbox.Reporter{Sender: s}
	if o.Outbox != "" {
		ob, err := outbox.Open(o.Outbox)
		if err == nil {
			err = ob.Writable()
		}
		if err != nil {
			// Sending at once loses nothing: a report that cannot be sent either makes the pipe
			// exit 75 (the MTA keeps the message) or the scan leave the message in place.
			slog.Error("outbox unusable: reports are sent at once, without it; fix its owner or mode (see rebound check --run-user)",
				"outbox", o.Outbox, "err", err)
		} else {
			r.Outbox = ob
		}
	}
	return r, nil
}

// BuildOptions returns the options of feedback.Build.
func (o *ReportOptions) BuildOptions() feedback.BuildOptions {
	return feedback.BuildOptions{ReportDelays: o.ReportDelays}
}
