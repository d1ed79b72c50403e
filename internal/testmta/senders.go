package testmta

import (
	"os"
	"path/filepath"
	"testing"
)

// SenderMix returns a bounce from MAILER-DAEMON (nouser@remote.test, hard), an ARF complaint from
// a feedback loop's address (erin@isp.example) and an Amazon SES notification from SNS
// (sam@gone.example, soft): what a --from 'mailer-daemon' scan must all take. root is the
// module's root.
func SenderMix(t testing.TB, root string) [][]byte {
	t.Helper()
	var msgs [][]byte
	for _, p := range []string{"examples/postfix-user-unknown.eml", "examples/arf-complaint.eml", "handmade/ses-suppressed.eml"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, b)
	}
	return msgs
}
