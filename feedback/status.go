package feedback

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
)

// statusRule is what an HTTP answer means for a report, and what to fix when it says the
// configuration is wrong.
type statusRule struct {
	kind ErrorKind
	fix  string
}

// statusRules maps the HTTP answers that are not 2xx to their meaning. Codes not listed follow
// defaultRule. A redirect (3xx) is handled apart: its fix names the Location.
var statusRules = map[int]statusRule{
	400: {KindPermanent, ""},
	413: {KindPermanent, ""},
	422: {KindPermanent, ""},
	401: {KindConfig, "the receiver wants credentials: check --report-token-file or --report-user and --report-password-file"},
	403: {KindConfig, "the credentials were refused or lack a permission: check the token (listmonk: user:token of an API user whose role has webhooks:post_bounce)"},
	404: {KindConfig, "no such endpoint: check the path of --report-url (listmonk: Settings → Bounces → enable bounce webhooks)"},
	405: {KindConfig, "the address does not take POST: --report-url is not the webhook's address"},
	407: {KindConfig, "a proxy wants credentials: check HTTPS_PROXY / HTTP_PROXY"},
	410: {KindConfig, "the endpoint is gone: check --report-url"},
	415: {KindConfig, "the receiver does not take this body: check --report-format"},
	501: {KindConfig, "the server does not implement POST here: check --report-url"},
	408: {KindTemporary, ""},
	429: {KindTemporary, ""},
}

// defaultRule gives the meaning of a code statusRules does not list: another 4xx is taken as a
// configuration error (the report is kept, never dropped on an answer nobody planned for), 5xx
// and anything else as temporary.
func defaultRule(code int) statusRule {
	if code >= 400 && code < 500 {
		return statusRule{KindConfig, "unexpected answer: check --report-url and the receiver's log"}
	}
	return statusRule{KindTemporary, ""}
}

// responseError turns a non-2xx answer into a delivery error of the right kind (see KindOf).
func responseError(id string, resp *http.Response, snippet []byte) error {
	code := resp.StatusCode
	err := fmt.Errorf("report %s: %s: %s", id, resp.Status, bytes.TrimSpace(snippet))
	if code >= 300 && code < 400 {
		loc := resp.Header.Get("Location")
		if u, perr := resp.Request.URL.Parse(loc); perr == nil && loc != "" {
			loc = u.Redacted()
		}
		if loc == "" {
			loc = "(no Location)"
		}
		return &ConfigError{
			Err: fmt.Errorf("report %s: %s, redirected to %s: %w", id, resp.Status, loc, errRedirect),
			Fix: "rebound never follows redirects: set --report-url to the final address " + loc,
		}
	}
	rule, ok := statusRules[code]
	if !ok {
		rule = defaultRule(code)
	}
	switch rule.kind {
	case KindPermanent:
		return &PermanentError{Err: fmt.Errorf("report %s refused: %s: %s", id, resp.Status, bytes.TrimSpace(snippet))}
	case KindConfig:
		return &ConfigError{Err: err, Fix: rule.fix}
	}
	return err
}

// errRedirect marks a redirect answer.
var errRedirect = errors.New("redirect not followed")

// noRedirects is the http.Client's CheckRedirect: a report is never sent anywhere but
// --report-url, so that its body, token and signature cannot leak to another host or over
// plain HTTP, and a 301/302/303 cannot turn the POST into a GET whose 200 would count as
// delivered.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
