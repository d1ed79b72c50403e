package main

import (
	"fmt"
	"os"
	"regexp"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/verp"
)

// ParseOptions are the flags that tune bounce parsing, shared by parse, pipe and scan.
type ParseOptions struct {
	Rules            string   `name:"rules" placeholder:"FILE" type:"existingfile" env:"REBOUND_RULES" help:"Extra classification rules file (phrase or regexp → reason)."`
	VERP             []string `name:"verp" placeholder:"TEMPLATE" env:"REBOUND_VERP" help:"VERP template of the return path, e.g. 'bounces+{local}={domain}@lists.example' (repeatable)."`
	CampaignHeader   []string `name:"campaign-header" placeholder:"HEADER" env:"REBOUND_CAMPAIGN_HEADER" help:"Header of the original message naming the campaign (repeatable; default X-Campaign-ID, X-Listmonk-Campaign, ...)."`
	MessageIDPattern string   `name:"message-id-pattern" placeholder:"REGEXP" env:"REBOUND_MESSAGE_ID_PATTERN" help:"Regexp on the original Message-ID whose submatch (named 'campaign' or first) is the campaign id."`
}

// DSNOptions compiles the flags into parser options.
func (o *ParseOptions) DSNOptions() (*dsn.Options, error) {
	opts := &dsn.Options{CampaignHeaders: o.CampaignHeader}
	if o.Rules != "" {
		f, err := os.Open(o.Rules)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		defer f.Close()
		if opts.Rules, err = dsn.LoadUserRules(f); err != nil {
			return nil, fmt.Errorf("rules %s: %w", o.Rules, err)
		}
	}
	for _, t := range o.VERP {
		tpl, err := verp.Parse(t)
		if err != nil {
			return nil, fmt.Errorf("verp template %q: %w", t, err)
		}
		opts.VERP = append(opts.VERP, tpl)
	}
	if o.MessageIDPattern != "" {
		re, err := regexp.Compile(o.MessageIDPattern)
		if err != nil {
			return nil, fmt.Errorf("message-id pattern: %w", err)
		}
		opts.MessageIDPattern = re
	}
	return opts, nil
}
