package verp

import (
	"strings"
	"testing"
)

// FuzzDecode checks that decoding never panics and that an encoded recipient decodes back.
func FuzzDecode(f *testing.F) {
	f.Add("bounces+{local}={domain}@lists.example", "jane+x=y@example.com", "c1")
	f.Add("{campaign}-no-reply-{local}={domain}@mail.example", "a-b@example.org", "news-1")
	f.Add("b-{campaign}-{local}={domain}@x.example", "=@=.", "-")
	f.Fuzz(func(t *testing.T, template, recipient, campaign string) {
		tpl, err := Parse(template)
		if err != nil {
			return
		}
		tpl.Decode(recipient)
		addr, err := tpl.Encode(recipient, campaign)
		if err != nil || strings.ContainsAny(recipient+campaign, "@\n\r\t ") || strings.Count(recipient, "@") != 1 {
			return
		}
		at := strings.LastIndexByte(recipient, '@')
		domain := recipient[at+1:]
		if strings.Contains(domain, "=") || !strings.Contains(domain, ".") || strings.Contains(campaign, "@") {
			return
		}
		d, ok := tpl.Decode(addr)
		if !ok {
			t.Fatalf("%q from %q does not decode", addr, recipient)
		}
		if !strings.EqualFold(d.Recipient, recipient) {
			// Only a campaign that contains the template's next separator may shift the cut.
			if strings.Contains(template, "{campaign}") {
				return
			}
			t.Fatalf("%q decodes to %q, want %q", addr, d.Recipient, recipient)
		}
	})
}
