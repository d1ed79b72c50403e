package dsn

import (
	"os"
	"strings"
	"testing"
)

// TestOriginalSubscriber: listmonk's X-Listmonk-Subscriber header of the returned original names
// the subscriber, whatever address the mail was forwarded to.
func TestOriginalSubscriber(t *testing.T) {
	b, err := os.ReadFile("../testdata/examples/exim-mailbox-full.eml")
	if err != nil {
		t.Fatal(err)
	}
	const uuid = "5c3e8a0e-1b7d-4b8e-9a51-3f0c2d9e7a11"
	msg := strings.Replace(string(b), "X-Campaign-ID: nov-2026", "X-Listmonk-Campaign: nov-2026\nX-Listmonk-Subscriber:  "+uuid, 1)
	rep, err := Parse(strings.NewReader(msg), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Original.Subscriber != uuid || rep.Original.Campaign != "nov-2026" {
		t.Errorf("original %+v", rep.Original)
	}
	rep, _ = Parse(strings.NewReader(string(b)), nil)
	if rep.Original.Subscriber != "" {
		t.Errorf("subscriber %q without the header", rep.Original.Subscriber)
	}
}
