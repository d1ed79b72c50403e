package mailsource

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestParserAsParseFile: a Parser, which opens the files of one directory by their names,
// answers as ParseFile does for message files of several directories in turn, an mbox, a
// missing file, a missing directory, a directory given as a file, a relative path and a path
// through ".."; and it leaves no descriptor open once closed.
func TestParserAsParseFile(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a/1.eml", "a/2.eml", "b/1.eml", "a/sub/3.eml"} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail Returned to Sender\n\n<"+f+"@example.com>: user unknown\n"), 0o644)
	}
	os.WriteFile(filepath.Join(root, "a", "box.mbox"), []byte("From a@example.org Thu Jan  1 00:00:00 2026\nFrom: a@example.org\nSubject: x\n\nhello\n\nFrom b@example.org Thu Jan  1 00:00:00 2026\nFrom: b@example.org\nSubject: y\n\nhi\n"), 0o644)
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, filepath.Join(root, "b", "1.eml"))
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{
		filepath.Join(root, "a", "1.eml"), filepath.Join(root, "a", "2.eml"), filepath.Join(root, "a", "missing.eml"),
		filepath.Join(root, "a", "box.mbox"), filepath.Join(root, "b", "1.eml"), filepath.Join(root, "a", "sub", "3.eml"),
		filepath.Join(root, "a", "sub", "..", "2.eml"), filepath.Join(root, "nodir", "1.eml"), filepath.Join(root, "a", "sub"),
		rel, filepath.Join(root, "a", "1.eml"),
	}
	before := openDescriptors(t)
	var p Parser
	for _, path := range paths {
		got, want := p.ParseFile(path, nil), ParseFile(path, nil)
		if len(got) != len(want) {
			t.Fatalf("%s: %d messages, ParseFile %d", path, len(got), len(want))
		}
		for i := range got {
			if got[i].Source != want[i].Source || (got[i].Err == nil) != (want[i].Err == nil) ||
				(got[i].Err != nil && got[i].Err.Error() != want[i].Err.Error()) || !reflect.DeepEqual(got[i].Report, want[i].Report) {
				t.Errorf("%s: Parser gives %+v, ParseFile %+v", path, got[i], want[i])
			}
		}
	}
	p.Close()
	if after := openDescriptors(t); after != before {
		t.Errorf("%d descriptors open after Close, %d before", after, before)
	}
}

// openDescriptors counts the process's open file descriptors (Linux), or skips the check.
func openDescriptors(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0 // not Linux: the count is not checked
	}
	return len(entries)
}
