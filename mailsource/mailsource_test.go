package mailsource

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"Maildir/new/1.a", "Maildir/cur/2.b:2,S", "Maildir/tmp/3.c", "Maildir/.Bounces.Processed/cur/4.d",
		"dir/b.eml", "dir/a.eml", "dir/sub/c.eml", "dir/.hidden",
	}
	for _, f := range files {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("From: a@example.com\n\nx\n"), 0o644)
	}
	got, err := Expand([]string{filepath.Join(root, "Maildir"), filepath.Join(root, "dir"), "-"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = strings.TrimPrefix(got[i], root+"/")
	}
	want := "Maildir/cur/2.b:2,S Maildir/new/1.a dir/a.eml dir/b.eml dir/sub/c.eml -"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	if _, err := Expand([]string{filepath.Join(root, "nothing")}); err == nil {
		t.Error("a missing path is not an error")
	}
}
