package contrib

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writesConfigFile matches a shell line that creates a file in /etc/rebound: a redirection
// into it, or install(1) of one.
var writesConfigFile = regexp.MustCompile(`(>\s*|\binstall\b.*\s)/etc/rebound/\S+`)

// TestDocsSecretFilesReadableByRebound: every shell line of the README and docs/ that puts a
// file (a token, a password, a secret) in /etc/rebound gives it to the group rebound, which the
// pipe, flush and scan run as. A file made by root with a bare redirection and chmod 600 cannot
// be read by them: every report then fails with "permission denied" until someone finds why.
func TestDocsSecretFilesReadableByRebound(t *testing.T) {
	docs, _ := filepath.Glob("../docs/*.md")
	docs = append(docs, "../README.md")
	lines := 0
	for _, doc := range docs {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		inShell := false
		for n, line := range strings.Split(string(raw), "\n") {
			trimmed := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(trimmed, "```sh"):
				inShell = true
				continue
			case strings.HasPrefix(trimmed, "```"):
				inShell = false
				continue
			}
			// Outside blocks, only commands quoted in backticks count.
			if !inShell && !strings.Contains(line, "`install ") {
				continue
			}
			if !writesConfigFile.MatchString(line) || strings.HasPrefix(trimmed, "#") {
				continue
			}
			lines++
			if !strings.Contains(line, "-g rebound") {
				t.Errorf("%s:%d: %q makes a file in /etc/rebound that the user rebound cannot read: use install -m 0640 -g rebound /dev/stdin FILE <<< VALUE", doc, n+1, trimmed)
			}
		}
	}
	if lines == 0 {
		t.Fatal("no line of the docs makes a file in /etc/rebound: the test reads nothing")
	}
}
