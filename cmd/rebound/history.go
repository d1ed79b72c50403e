package main

import (
	"context"
	"fmt"

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
// --history. The caller closes its store.
func (o *HistoryOptions) recorder(ctx context.Context, source string) (*history.Recorder, error) {
	if o.History == "" {
		return nil, nil
	}
	pol, err := policy.FromConfig(configPolicy)
	if err != nil {
		return nil, err
	}
	st, err := history.Open(ctx, o.History)
	if err != nil {
		return nil, err
	}
	return &history.Recorder{Store: st, Policy: pol, Source: source}, nil
}
