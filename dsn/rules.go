package dsn

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// rule is one line of a rules file: a phrase, a regular expression or a status code that gives a
// reason. A phrase or regexp rule may also require a status prefix.
type rule struct {
	reason string
	phrase string         // lower-case substring of the diagnostic
	re     *regexp.Regexp // or a regular expression on the lower-case diagnostic
	status string         // status code or prefix ("5.7.", "5.1.1") that must match
}

// Rules are classification rules and parsing hints, in the order they are checked. The built-in
// table is a Rules read from rules_builtin.txt; the user's --rules file is another, checked first.
type Rules struct {
	rules             []rule
	statusPrefixes    []string
	recipientPrefixes []string
}

// StatusPrefixes are extra markers of the line that holds the status in odd bounces.
func (rs *Rules) StatusPrefixes() []string { return rs.statusPrefixes }

// RecipientPrefixes are extra markers of the line that names the failed recipient.
func (rs *Rules) RecipientPrefixes() []string { return rs.recipientPrefixes }

// match returns the reason of the first rule that matches the lower-case text and status.
func (rs *Rules) match(text, status string) string {
	for i := range rs.rules {
		r := &rs.rules[i]
		if r.status != "" && !strings.HasPrefix(status, r.status) {
			continue
		}
		switch {
		case r.phrase != "":
			if strings.Contains(text, r.phrase) {
				return r.reason
			}
		case r.re != nil:
			if r.re.MatchString(text) {
				return r.reason
			}
		default: // a status rule
			return r.reason
		}
	}
	return ""
}

//go:embed rules_builtin.txt
var builtinRules string

var builtin = mustLoadRules(builtinRules)

func mustLoadRules(s string) *Rules {
	rs, err := LoadRules(strings.NewReader(s))
	if err != nil {
		panic("dsn: built-in rules: " + err.Error())
	}
	return rs
}

// LoadRules reads a rules file. Each line is one rule; blank lines and lines starting with #
// are ignored:
//
//	phrase "mailbox is disabled"  suspend             # substring of the diagnostic, any case
//	phrase "access denied"        blocked  status=5.7. # ... only with a status starting 5.7.
//	regexp "quota.*exceeded"      mailboxfull         # RE2 syntax, on the lower-case diagnostic
//	status 5.7.1                  policyviolation     # a status code or prefix ("5.7.")
//	status-prefix "Statut :"                          # marks the status line in odd bounces
//	recipient-prefix "Destinataire :"                 # marks the recipient line in odd bounces
//
// Reasons must come from the vocabulary (see Reasons).
func LoadRules(r io.Reader) (*Rules, error) {
	rs := &Rules{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		fields, err := splitRuleLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(fields) == 0 {
			continue
		}
		if err := rs.add(fields); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading rules: %w", err)
	}
	return rs, nil
}

func (rs *Rules) add(f []string) error {
	kind := f[0]
	switch kind {
	case "status-prefix", "recipient-prefix":
		if len(f) != 2 || f[1] == "" {
			return fmt.Errorf("%s takes one quoted text", kind)
		}
		if kind == "status-prefix" {
			rs.statusPrefixes = append(rs.statusPrefixes, f[1])
		} else {
			rs.recipientPrefixes = append(rs.recipientPrefixes, f[1])
		}
		return nil
	case "phrase", "regexp", "status":
	default:
		return fmt.Errorf("unknown rule kind %q (want phrase, regexp, status, status-prefix or recipient-prefix)", kind)
	}
	if len(f) < 3 || len(f) > 4 {
		return fmt.Errorf("%s rule wants: %s PATTERN REASON [status=PREFIX]", kind, kind)
	}
	r := rule{reason: f[2]}
	if _, ok := categories[r.reason]; !ok {
		return fmt.Errorf("unknown reason %q", r.reason)
	}
	switch kind {
	case "phrase":
		r.phrase = strings.ToLower(f[1])
		if r.phrase == "" {
			return fmt.Errorf("empty phrase")
		}
	case "regexp":
		re, err := regexp.Compile(f[1])
		if err != nil {
			return fmt.Errorf("regexp %q: %w", f[1], err)
		}
		r.re = re
	case "status":
		if !validStatusPrefix(f[1]) {
			return fmt.Errorf("bad status code %q", f[1])
		}
		r.status = f[1]
	}
	if len(f) == 4 {
		st, ok := strings.CutPrefix(f[3], "status=")
		if !ok || !validStatusPrefix(st) || kind == "status" {
			return fmt.Errorf("unexpected %q (want status=PREFIX after a phrase or regexp)", f[3])
		}
		r.status = st
	}
	rs.rules = append(rs.rules, r)
	return nil
}

// validStatusPrefix accepts "5", "5.", "5.7.", "5.7.1" and the like.
func validStatusPrefix(s string) bool {
	if s == "" || s[0] != '2' && s[0] != '4' && s[0] != '5' {
		return false
	}
	for _, c := range s {
		if c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return !strings.Contains(s, "..")
}

// splitRuleLine splits a line into fields: bare words and double-quoted texts (with Go escapes);
// a # outside quotes starts a comment.
func splitRuleLine(line string) ([]string, error) {
	var out []string
	for {
		line = strings.TrimLeft(line, " \t")
		if line == "" || line[0] == '#' {
			return out, nil
		}
		if line[0] == '"' {
			q, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil, fmt.Errorf("unterminated or bad quoted text: %s", line)
			}
			s, _ := strconv.Unquote(q)
			out = append(out, s)
			line = line[len(q):]
			continue
		}
		end := strings.IndexAny(line, " \t")
		if end < 0 {
			end = len(line)
		}
		out = append(out, line[:end])
		line = line[end:]
	}
}
