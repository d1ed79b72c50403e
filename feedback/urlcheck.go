package feedback

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// CheckURL parses the address reports are posted to and says, in words, what is wrong with it:
// a space or control character, a missing or unknown scheme, a missing host, a port that is not
// a number from 1 to 65535.
func CheckURL(raw string) (*url.URL, error) {
	bad := func(why string) error { return fmt.Errorf("report URL %q: %s", raw, why) }
	if raw == "" {
		return nil, bad("empty")
	}
	if i := strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); i >= 0 {
		what := "a space"
		if r := []rune(raw[i:])[0]; r != ' ' {
			what = fmt.Sprintf("the character %U", r)
		}
		return nil, bad(fmt.Sprintf("%s at position %d (a URL has none; write %%20 in a path)", what, i+1))
	}
	if !strings.Contains(raw, "://") {
		return nil, bad("no scheme: write https://" + raw + " (or http://)")
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, bad(err.Error())
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, bad(fmt.Sprintf("scheme %q: want http:// or https://", u.Scheme))
	case u.Hostname() == "":
		return nil, bad("no host after " + u.Scheme + "://")
	}
	if p := u.Port(); p != "" || strings.HasSuffix(u.Host, ":") {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return nil, bad(fmt.Sprintf("port %q: want a number from 1 to 65535", p))
		}
	}
	return u, nil
}
