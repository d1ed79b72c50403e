// Package policy says what a bounce means for the sender, per reason or category: the address
// is dead, it gets a number of strikes within a number of days, the problem is the sender's
// (never held against the subscriber), the bounce is ignored, or rebound's own verdict stands.
package policy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/dsn"
)

// Action is what a rule does with a bounce.
type Action string

// Actions.
const (
	Pass    Action = "pass"    // keep rebound's verdict (hard when the address is dead, else soft)
	Dead    Action = "dead"    // report hard now
	Strikes Action = "strikes" // report soft; the Nth report within the window is hard
	Sender  Action = "sender"  // the sender's problem: recorded, reported as type sender or not at all
	Ignore  Action = "ignore"  // recorded, never reported
)

// Rule is the policy for one reason or category.
type Rule struct {
	Action  Action
	Strikes int           // for Strikes: the report that makes the address dead
	Within  time.Duration // for Strikes: the window the strikes are counted in
}

func (r Rule) String() string {
	if r.Action == Strikes {
		return fmt.Sprintf("strikes %d within %dd", r.Strikes, int(r.Within/(24*time.Hour)))
	}
	return string(r.Action)
}

// Policy maps reasons and categories to rules.
type Policy struct {
	// Rules are keyed by reason ("mailboxfull"), by reason with "-permanent" when the status or
	// reply code is permanent ("notaccept-permanent"), or by category ("antispam").
	Rules map[string]Rule
	// ReportSender sends the sender's problems as reports of type "sender"; by default they are
	// only recorded in the history.
	ReportSender bool
}

// month is the default strikes window.
const month = 30 * 24 * time.Hour

// defaults follow docs/reasons.md: addresses that do not exist are dead at once, temporary
// troubles of the mailbox get three strikes in 30 days, and refusals aimed at the sender's
// server, reputation or authentication are the sender's.
var defaults = map[string]Rule{
	"userunknown":         {Action: Dead},
	"hostunknown":         {Action: Dead},
	"hasmoved":            {Action: Dead},
	"notaccept-permanent": {Action: Dead},
	"mailboxfull":         {Action: Strikes, Strikes: 3, Within: month},
	"suspend":             {Action: Strikes, Strikes: 3, Within: month},
	"systemfull":          {Action: Strikes, Strikes: 3, Within: month},
	"expired":             {Action: Strikes, Strikes: 3, Within: month},
	"blocked":             {Action: Sender},
	"spamdetected":        {Action: Sender},
	"badreputation":       {Action: Sender},
	"authfailure":         {Action: Sender},
	"policyviolation":     {Action: Sender},
	"requireptr":          {Action: Sender},
	"norelaying":          {Action: Sender},
}

// Default returns the default policy.
func Default() *Policy {
	p := &Policy{Rules: make(map[string]Rule, len(defaults))}
	for k, r := range defaults {
		p.Rules[k] = r
	}
	return p
}

// Keys returns the policy's keys in order, for documentation and `rebound check`.
func (p *Policy) Keys() []string {
	keys := make([]string, 0, len(p.Rules))
	for k := range p.Rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// For returns the rule for a bounce of reason and category; permanent says whether its status
// (or reply code) is permanent. A reason's rule wins over its category's; without either,
// rebound's verdict stands (Pass).
func (p *Policy) For(reason dsn.Reason, category dsn.Category, permanent bool) Rule {
	if permanent {
		if r, ok := p.Rules[string(reason)+"-permanent"]; ok {
			return r
		}
	}
	if r, ok := p.Rules[string(reason)]; ok {
		return r
	}
	if r, ok := p.Rules[string(category)]; ok {
		return r
	}
	return Rule{Action: Pass}
}

// reportSenderKey is the one key of the policy section that is not a reason or category.
const reportSenderKey = "report-sender"

// FromConfig returns the default policy overridden by the `policy:` section of the
// configuration file: each key a reason, a reason with "-permanent" or a category, each value
// "dead", "sender", "ignore", "pass" or "strikes N within D days" ("strikes 3 within 30d"), and
// report-sender: true to report the sender's problems as type sender.
func FromConfig(section map[string]any) (*Policy, error) {
	p := Default()
	for key, v := range section {
		if key == reportSenderKey {
			b, ok := v.(bool)
			if !ok {
				return nil, fmt.Errorf("policy: %s: want true or false, got %v", key, v)
			}
			p.ReportSender = b
			continue
		}
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("policy: %s: want a string such as \"dead\" or \"strikes 3 within 30d\", got %v", key, v)
		}
		r, err := ParseRule(s)
		if err != nil {
			return nil, fmt.Errorf("policy: %s: %w", key, err)
		}
		p.Rules[strings.ToLower(key)] = r
	}
	return p, nil
}

// ParseRule reads one rule: "dead", "sender", "ignore", "pass", or "strikes N within D days"
// (also "strikes N within Dd" and "strikes N/Dd").
func ParseRule(s string) (Rule, error) {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "/", " within ")))
	if len(f) == 0 {
		return Rule{}, fmt.Errorf("empty rule")
	}
	switch a := Action(f[0]); a {
	case Dead, Sender, Ignore, Pass:
		if len(f) != 1 {
			return Rule{}, fmt.Errorf("%q takes no argument", a)
		}
		return Rule{Action: a}, nil
	case Strikes:
		// strikes N within D [days] | strikes N within Dd
		if len(f) < 4 || f[2] != "within" {
			return Rule{}, fmt.Errorf("want \"strikes N within D days\", got %q", s)
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 {
			return Rule{}, fmt.Errorf("strikes: bad count %q", f[1])
		}
		days, err := strconv.Atoi(strings.TrimSuffix(f[3], "d"))
		if err != nil || days < 1 || len(f) > 5 || len(f) == 5 && f[4] != "days" && f[4] != "day" {
			return Rule{}, fmt.Errorf("strikes: bad window %q", strings.Join(f[3:], " "))
		}
		return Rule{Action: Strikes, Strikes: n, Within: time.Duration(days) * 24 * time.Hour}, nil
	}
	return Rule{}, fmt.Errorf("unknown action %q (dead, strikes, sender, ignore, pass)", f[0])
}
