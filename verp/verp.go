// Package verp decodes VERP (variable envelope return path) addresses with a configurable
// template such as "bounces+{local}={domain}@lists.example" or
// "{campaign}-no-reply-{local}={domain}@mail.example".
//
// A template holds {local} and {domain} once each, and may hold {campaign}. Decoding is
// unambiguous for original local parts that contain '+', '-', '=' or '.': the domain is what
// follows the last '=' (a domain never holds one), the local part takes everything between its
// neighbours, and a campaign field takes the shortest text that lets the rest match. The fixed
// text of the template and the domain are matched in any case.
package verp

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Template is a compiled VERP template.
type Template struct {
	raw string
	re  *regexp.Regexp
}

// Decoded is what a template finds in an address.
type Decoded struct {
	Recipient string // the original recipient, local@domain
	Campaign  string // the {campaign} field, when the template has one
}

var placeholders = map[string]string{
	"local":    `(?P<local>.+)`,
	"domain":   `(?P<domain>[^=@\s]+)`,
	"campaign": `(?P<campaign>[^@\s]+?)`,
}

// Parse compiles a template.
func Parse(template string) (*Template, error) {
	if strings.Count(template, "@") != 1 {
		return nil, errors.New("a VERP template is an address: it holds exactly one @")
	}
	var expr strings.Builder
	expr.WriteString(`(?i)^`)
	seen := map[string]int{}
	rest := template
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			expr.WriteString(regexp.QuoteMeta(rest))
			break
		}
		expr.WriteString(regexp.QuoteMeta(rest[:i]))
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed { in %q", template)
		}
		name := rest[i+1 : i+j]
		pat, ok := placeholders[name]
		if !ok {
			return nil, fmt.Errorf("unknown placeholder {%s} (want {local}, {domain}, {campaign})", name)
		}
		seen[name]++
		expr.WriteString(pat)
		rest = rest[i+j+1:]
	}
	expr.WriteString(`$`)
	if seen["local"] != 1 || seen["domain"] != 1 || seen["campaign"] > 1 {
		return nil, fmt.Errorf("template %q must hold {local} and {domain} once each, and {campaign} at most once", template)
	}
	if strings.Contains(template, "{local}{") || strings.Contains(template, "}{local}") {
		return nil, fmt.Errorf("template %q: {local} needs fixed text on both sides", template)
	}
	re, err := regexp.Compile(expr.String())
	if err != nil {
		return nil, fmt.Errorf("template %q: %w", template, err)
	}
	return &Template{raw: template, re: re}, nil
}

// Decode matches addr (with or without angle brackets) against the template.
func (t *Template) Decode(addr string) (Decoded, bool) {
	addr = strings.Trim(strings.TrimSpace(addr), "<>")
	m := t.re.FindStringSubmatch(addr)
	if m == nil {
		return Decoded{}, false
	}
	var local, domain, campaign string
	for i, name := range t.re.SubexpNames() {
		switch name {
		case "local":
			local = m[i]
		case "domain":
			domain = m[i]
		case "campaign":
			campaign = m[i]
		}
	}
	if local == "" || domain == "" || !strings.Contains(domain, ".") && !strings.EqualFold(domain, "localhost") {
		return Decoded{}, false
	}
	return Decoded{Recipient: local + "@" + strings.ToLower(domain), Campaign: campaign}, true
}

// Encode builds the return path of recipient (local@domain) for campaign.
func (t *Template) Encode(recipient, campaign string) (string, error) {
	at := strings.LastIndexByte(recipient, '@')
	if at <= 0 || at == len(recipient)-1 {
		return "", fmt.Errorf("%q is not an address", recipient)
	}
	if strings.Contains(t.raw, "{campaign}") && campaign == "" {
		return "", errors.New("the template needs a campaign")
	}
	r := strings.NewReplacer("{local}", recipient[:at], "{domain}", recipient[at+1:], "{campaign}", campaign)
	return r.Replace(t.raw), nil
}

// String returns the template text.
func (t *Template) String() string { return t.raw }
