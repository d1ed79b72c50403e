//go:build nosqlite && nopostgres

package history

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestBackendsLeftOut: a binary built with -tags nosqlite,nopostgres refuses a history with an
// error that names the tag, and never opens or creates anything (scripts/test.sh runs it).
func TestBackendsLeftOut(t *testing.T) {
	path := t.TempDir() + "/history.db"
	for target, tag := range map[string]string{
		path:                               "nosqlite",
		"postgres://u:secret@127.0.0.1/db": "nopostgres",
	} {
		if err := Usable(target); err == nil || !strings.Contains(err.Error(), "-tags "+tag) {
			t.Errorf("Usable(%q) = %v; want an error naming the tag %s", target, err, tag)
		}
		st, err := Open(context.Background(), target)
		if err == nil {
			st.Close()
			t.Fatalf("Open(%q) worked in a binary built without its back-end", target)
		}
		if !strings.Contains(err.Error(), "-tags "+tag) || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q): %v; want the tag %s named and no password", target, err, tag)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the SQLite file was created: %v", err)
	}
}
