package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/history"
	"github.com/rebound/rebound/policy"
)

// policySection is the configuration file's section for the policy (docs/history.md): not a
// command's flags but a table of reasons and categories, read by policy.FromConfig.
const policySection = "policy"

// configPolicy is the policy section of the configuration file in use, set when it is loaded.
var configPolicy map[string]any

// checkPolicy checks the policy section and keeps it for the commands that apply it.
func checkPolicy(v any) error {
	sec, ok := v.(map[string]any)
	if !ok && v != nil {
		return fmt.Errorf("%s: a section of keys, such as mailboxfull: strikes 3 within 30d", policySection)
	}
	if _, err := policy.FromConfig(sec); err != nil {
		return err
	}
	configPolicy = sec
	return nil
}

// HistoryOptions name the bounce history. Without --history nothing is opened.
type HistoryOptions struct {
	History string `name:"history" placeholder:"PATH|URL" help:"Bounce history: a SQLite file, or a postgres:// URL shared by several hosts. With it the policy (config section policy:) applies: strikes, dead addresses, sender-side problems (docs/history.md)."`
}

// openStore opens the history; it is an error to call it without --history.
func (o *HistoryOptions) openStore(ctx context.Context) (history.Store, error) {
	if o.History == "" {
		return nil, fmt.Errorf("no history: set --history (or REBOUND_HISTORY, or history: in the config)")
	}
	return history.Open(ctx, o.History)
}

// recorder returns the policy-and-history step for source (pipe or scan), or nil without
// --history. The caller closes its store. Reports of type sender go only where rebound's own
// JSON goes: listmonk's webhook and SPIP's form know no such type and would blame the
// subscriber.
func (o *HistoryOptions) recorder(ctx context.Context, source string, ro *ReportOptions) (*history.Recorder, error) {
	if o.History == "" {
		return nil, nil
	}
	pol, err := policy.FromConfig(configPolicy)
	if err != nil {
		return nil, err
	}
	if pol.ReportSender && ro.ReportCmd == "" && ro.ReportURL != "-" && ro.ReportFormat != feedback.FormatJSON {
		slog.Warn("policy report-sender ignored: the report format has no type sender", "format", ro.ReportFormat)
		pol.ReportSender = false
	}
	st, err := history.Open(ctx, o.History)
	if err != nil {
		return nil, err
	}
	return &history.Recorder{Store: st, Policy: pol, Source: source}, nil
}
