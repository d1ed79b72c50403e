package mailsource

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
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

// walkExpand is Expand as it was written with filepath.WalkDir, the reference listFiles is held
// to by TestExpandAsWalkDir.
func walkExpand(p string) []string {
	var files []string
	filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path)
			return nil
		}
		name := d.Name()
		if path != p && len(name) > 0 && name[0] == '.' {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if name == "tmp" && isMaildir(filepath.Dir(path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

// TestExpandAsWalkDir holds Expand's listing of directories to filepath.WalkDir's over a tree
// of Maildirs, a tmp/ that is no Maildir's, dot files and directories, symbolic links and an
// empty directory, named in several ways (relative, with a trailing slash, ".", a Maildir's tmp/
// itself).
func TestExpandAsWalkDir(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"Maildir/new/1.a", "Maildir/cur/2.b:2,S", "Maildir/tmp/3.c", "Maildir/.Sent/cur/4.d", "Maildir/.Sent/tmp/5.e",
		"box/tmp/6.f", "box/new/7.g", "box/z", "box/a/b/c/8.h", "box/.dot/9.i", "box/.10.j", "box/11.k",
		"Maildir/cur/2.a", "top.eml",
	} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x\n"), 0o644)
	}
	os.MkdirAll(filepath.Join(root, "box", "empty"), 0o755)
	os.Symlink(filepath.Join(root, "top.eml"), filepath.Join(root, "box", "link.eml"))
	os.Symlink(filepath.Join(root, "Maildir"), filepath.Join(root, "box", "linkdir"))
	t.Chdir(root)
	for _, p := range []string{root, root + "/", "box", "./box/", "Maildir", "Maildir/tmp", "Maildir/.Sent", "box/tmp", ".", "box/a/../a"} {
		got, err := Expand([]string{p})
		if err != nil {
			t.Fatal(err)
		}
		if want := walkExpand(p); !slices.Equal(got, want) {
			t.Errorf("Expand(%q):\n got %q\nwant %q", p, got, want)
		}
	}
}
