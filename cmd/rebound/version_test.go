package main

import (
	"runtime"
	"strings"
	"testing"
)

func TestBuildVersionString(t *testing.T) {
	for _, tc := range []struct {
		v    buildVersion
		want string
	}{
		{buildVersion{Module: "v1.2.3", Revision: "abc123", Go: "go1.26.8"}, "rebound v1.2.3 (revision abc123) go1.26.8"},
		{buildVersion{Module: "(devel)", Revision: "abc123", Modified: true, Go: "go1.26.8"}, "rebound (devel) (revision abc123, dirty) go1.26.8"},
		{buildVersion{Module: "(devel)", Go: "go1.26.8"}, "rebound (devel) (revision unknown) go1.26.8"},
	} {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestVersionCommandAndFlag: `version`, `--version` and `-v` print the same version line and exit
// 0, even with a configuration file that does not exist.
func TestVersionCommandAndFlag(t *testing.T) {
	var first string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}, {"--config", "/nonexistent.yaml", "--version"}} {
		out, stderr, code := run(t, "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
			continue
		}
		if !strings.HasPrefix(out, "rebound ") || !strings.Contains(out, runtime.Version()) || !strings.Contains(out, "(revision ") {
			t.Errorf("%v: %q", args, out)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("%v: %q differs from %q", args, out, first)
		}
	}
}

// TestHelpPlaceholders: every flag's value in the help has a name that says what it is, never
// kong's type names (STRING, INT) nor the flag's own name.
func TestHelpPlaceholders(t *testing.T) {
	for _, cmd := range [][]string{{}, {"parse"}, {"pipe"}, {"flush"}, {"scan", "maildir"}, {"scan", "imap"}, {"check"}, {"outbox", "list"}, {"outbox", "purge"}} {
		out, _, _ := run(t, "", append(cmd, "--help")...)
		for _, bad := range []string{"=STRING", "=INT", "=CONFIG-FLAG", "=CAMPAIGN-HEADER", "=VERP"} {
			if strings.Contains(out, bad) {
				t.Errorf("rebound %s --help shows %s:\n%s", strings.Join(cmd, " "), bad, out)
			}
		}
	}
}
