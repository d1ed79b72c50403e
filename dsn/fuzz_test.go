package dsn_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/verp"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, and what it reports must
// be consistent (every recipient has an address, a reason and a category; an address that is no
// valid mailbox, such as one with a NUL byte or an escape sequence, is marked invalid, and no
// address is cut out of a control sequence). The seeds of testdata/fuzz/FuzzParse include such
// poison addresses.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"../testdata/examples", "../testdata/handmade"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n\n--b--\n"))
	f.Add([]byte("From: postmaster@example.org\nSubject: failure notice\n\n<user@example.com>:\n550 5.1.1 no such user\n"))
	tpl, err := verp.Parse("bounces+{local}={domain}@lists.example")
	if err != nil {
		f.Fatal(err)
	}
	opts := &dsn.Options{VERP: []*verp.Template{tpl}}
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := dsn.Parse(bytes.NewReader(data), opts)
		if err != nil {
			return
		}
		for _, r := range rep.Recipients {
			if r.Address == "" || r.Reason == "" || r.Category == "" {
				t.Fatalf("incomplete recipient %+v", r)
			}
			if r.Invalid == dsn.ValidMailbox(r.Address) {
				t.Fatalf("recipient %q marked invalid=%v", r.Address, r.Invalid)
			}
			if r.Address == "2J@remote.test" || r.Address == "a@remote.test" && bytes.Contains(data, []byte("\x1b]0;")) {
				t.Fatalf("address %q cut out of a control sequence", r.Address)
			}
		}
	})
}
