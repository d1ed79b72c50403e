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
}

// TestExpandKeepsMissingPaths: a path that does not exist stays in its place, so that ParseFile
// names it and the paths after it are still parsed.
func TestExpandKeepsMissingPaths(t *testing.T) {
	root := t.TempDir()
	good := filepath.Join(root, "good.eml")
	os.WriteFile(good, []byte("From: a@example.com\nSubject: hi\n\nhello\n"), 0o644)
	missing := filepath.Join(root, "nothing")
	got, err := Expand([]string{good, missing, good})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != strings.Join([]string{good, missing, good}, " ") {
		t.Fatalf("got %v", got)
	}
	var errs int
	for _, path := range got {
		for _, p := range ParseFile(path, nil) {
			if p.Err != nil {
				errs++
				if p.Source != missing || !os.IsNotExist(p.Err) {
					t.Errorf("%s: %v", p.Source, p.Err)
				}
			} else if p.Report == nil {
				t.Errorf("%s: no report", p.Source)
			}
		}
	}
	if errs != 1 {
		t.Errorf("%d errors, want 1 for the missing path", errs)
	}
}
