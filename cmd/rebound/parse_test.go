package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/mailsource"
)

// TestParseGoesOnAfterMissingPath: a path that does not exist is named on stderr, the paths
// after it are still parsed, and the exit status is 1.
func TestParseGoesOnAfterMissingPath(t *testing.T) {
	dir := t.TempDir()
	good, other := filepath.Join(dir, "good.eml"), filepath.Join(dir, "other.eml")
	os.WriteFile(good, []byte(postfixBounce), 0o644)
	os.WriteFile(other, []byte(postfixBounce), 0o644)
	missing := filepath.Join(dir, "nonexistent")
	out, stderr, code := run(t, "", "parse", "--json", good, missing, other)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, missing) || !strings.Contains(stderr, "no such file") {
		t.Errorf("stderr does not name the missing path: %q", stderr)
	}
	var sources []string
	for _, l := range decodeLines(t, out) {
		sources = append(sources, l.Source)
	}
	if got, want := strings.Join(sources, " "), good+" "+other; got != want {
		t.Errorf("parsed %q, want %q", got, want)
	}
}

// TestParseTableEscapesControlCharacters: escape sequences carried by a message (a campaign
// header that retitles the terminal, a recipient that clears it) reach the table as visible
// text, never as control characters; the JSON output keeps the exact values.
func TestParseTableEscapesControlCharacters(t *testing.T) {
	msg := strings.Replace(postfixBounce, "X-Campaign-ID: oct-2026", "X-Campaign-ID: oct\x1b]0;pwned\x07\u202e\u0085-2026", 1)
	if !strings.Contains(msg, "\x1b]0;pwned") {
		t.Fatal("the fixture has no campaign header to poison")
	}
	out, stderr, code := run(t, msg, "parse", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, c := range out {
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f || c == '\u202e' {
			t.Fatalf("table carries control character %U:\n%q", c, out)
		}
	}
	if !strings.Contains(out, `oct\x1b]0;pwned\x07\u202e\u0085-2026`) {
		t.Errorf("campaign not shown escaped:\n%s", out)
	}
	jsonOut, _, _ := run(t, msg, "parse", "--json", "-")
	if lines := decodeLines(t, jsonOut); len(lines) != 1 || lines[0].Original.Campaign != "oct\x1b]0;pwned\x07\u202e\u0085-2026" {
		t.Errorf("JSON does not keep the exact campaign: %+v", lines)
	}
}

func TestAppendCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain@example.com", "plain@example.com"},
		{"é ü 日本", "é ü 日本"},
		{"a\tb\nc\r", `a\x09b\x0ac\x0d`},
		{"\x1b[2J\x7f", `\x1b[2J\x7f`},
		{"\u009b31m", `\u009b31m`},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
		{"\u202egnp.exe", `\u202egnp.exe`},
	}
	for _, c := range cases {
		if got := string(appendCell(nil, c.in)); got != c.want {
			t.Errorf("appendCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestParseAllOrder: with several workers and more files than a chunk, the output comes in
// path order, each error in its place, and every message once.
func TestParseAllOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 100; i++ {
		p := filepath.Join(dir, fmt.Sprintf("m%03d.eml", i))
		content := fmt.Sprintf("From: a@example.com\nSubject: %d\n\nhello %d\n", i, i)
		if i%17 == 5 {
			content = "" // not a message
		}
		os.WriteFile(p, []byte(content), 0o644)
		paths = append(paths, p)
	}
	for _, jobs := range []int{1, 3, 8} {
		var out, errs strings.Builder
		render := func(dst []byte, p mailsource.Parsed) []byte {
			return append(dst, filepath.Base(p.Source)+" "+p.Report.Subject+"\n"...)
		}
		failed, err := parseAll(paths, &dsn.Options{}, jobs, render, &out, &errs)
		if err != nil {
			t.Fatal(err)
		}
		var want, wantErrs strings.Builder
		wantFailed := 0
		for i, p := range paths {
			if i%17 == 5 {
				wantFailed++
				fmt.Fprintf(&wantErrs, "rebound: %s: %v\n", p, dsn.ErrNotMessage)
				continue
			}
			fmt.Fprintf(&want, "m%03d.eml %d\n", i, i)
		}
		if out.String() != want.String() || errs.String() != wantErrs.String() || failed != wantFailed {
			t.Errorf("jobs %d: failed %d (want %d)\nout:\n%s\nerrs:\n%s", jobs, failed, wantFailed, out.String(), errs.String())
		}
	}
}
