package maildir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenSaysWhatIsWrong: a path that does not exist is told as missing, not as "not a
// Maildir", which sent the reader looking for a cur/ folder in a folder that is not there.
func TestOpenSaysWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	if err := os.Mkdir(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")
	for _, tt := range []struct{ dir, want string }{
		{missing, "maildir: stat " + missing + ": no such file or directory"},
		{plain, plain + " is not a Maildir (no cur/)"},
	} {
		_, err := Open(tt.dir, "Bounces.Processed", "", true)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%s) = %v, want %q", tt.dir, err, tt.want)
		}
	}
}
