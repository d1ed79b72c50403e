// Package verp decodes VERP (variable envelope return path) addresses with a configurable
// template such as "bounces+{local}={domain}@lists.example" or
// "{campaign}-no-reply-{local}={domain}@mail.example".
package verp

// Template is a compiled VERP template.
type Template struct {
	raw string
}

// Decoded is what a template finds in an address.
type Decoded struct {
	Recipient string // the original recipient, local@domain
	Campaign  string // the {campaign} field, when the template has one
}

// Parse compiles a template. It must contain {local} and {domain} once each and may contain
// {campaign}.
func Parse(template string) (*Template, error) { return &Template{raw: template}, nil }

// Decode matches addr against the template.
func (t *Template) Decode(addr string) (Decoded, bool) { return Decoded{}, false }

// String returns the template text.
func (t *Template) String() string { return t.raw }
