package outbox

import (
	"strings"
)

// StaleClaims lists the reports claimed by processes that died (StateStale: nobody holds
// their lock), for `rebound check` to warn about. The next flush sends them again.
func (o *Outbox) StaleClaims() ([]Item, error) {
	all, err := o.List()
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, e := range all {
		if e.State == StateStale {
			out = append(out, e)
		}
	}
	return out, nil
}

// claimID returns the id of a claim's file name, <id>.json.<pid>.
func claimID(name string) (string, bool) {
	i := strings.LastIndex(name, ".json.")
	if i <= 0 {
		return "", false
	}
	return name[:i], true
}
