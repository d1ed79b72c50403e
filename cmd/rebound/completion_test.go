package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBashCompletion: the bash script is valid bash and, run the way bash runs it on <TAB>,
// offers the subcommands, the flags of the command typed so far and the values of enum flags.
func TestBashCompletion(t *testing.T) {
	script, stderr, code := run(t, "", "completion", "bash")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "rebound.bash")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		line string // the words typed, the last one being completed
		want []string
		not  []string
	}{
		{"rebound ", []string{"parse", "pipe", "flush", "scan", "check", "outbox", "version", "completion", "--config"}, []string{"man", "maildir"}},
		{"rebound scan ", []string{"maildir", "imap"}, []string{"parse"}},
		{"rebound scan imap --se", []string{"--server", "--security"}, []string{"--report-url"}},
		{"rebound --config x.yaml scan maildir --ba", []string{"--backup"}, nil},
		{"rebound pipe --report-format ", []string{"json", "listmonk", "form"}, nil},
		{"rebound outbox ", []string{"list", "show", "retry", "purge"}, nil},
		{"rebound completion ", []string{"bash", "zsh", "fish"}, nil},
		{"rebound parse --rules completion_te", []string{"completion_test.go"}, []string{"--json"}},
		{"rebound parse completion_te", []string{"completion_test.go"}, nil},
	} {
		words := strings.Split(tc.line, " ")
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, shellQuote(w))
		}
		prog := "source " + shellQuote(path) + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "\n_rebound\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		out, err := exec.Command("bash", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", tc.line, err, out)
		}
		got := map[string]bool{}
		for _, w := range strings.Fields(string(out)) {
			got[w] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q: %q not offered (got %s)", tc.line, w, out)
			}
		}
		for _, w := range tc.not {
			if got[w] {
				t.Errorf("%q: %q offered", tc.line, w)
			}
		}
	}
}

// TestZshAndFishCompletion: the zsh script wraps the bash function; the fish script completes
// every command and the flags of each.
func TestZshAndFishCompletion(t *testing.T) {
	zsh, _, code := run(t, "", "completion", "zsh")
	if code != 0 || !strings.HasPrefix(zsh, "#compdef rebound") || !strings.Contains(zsh, "complete -F _rebound rebound") {
		t.Errorf("zsh (exit %d):\n%s", code, zsh)
	}
	fish, _, code := run(t, "", "completion", "fish")
	for _, must := range []string{
		"complete -c rebound -n '__fish_use_subcommand' -a scan ",
		"complete -c rebound -n '__fish_seen_subcommand_from scan; and not __fish_seen_subcommand_from maildir imap' -a maildir ",
		"complete -c rebound -n '__fish_seen_subcommand_from scan; and __fish_seen_subcommand_from imap' -l server -r -F ",
		"-l report-format -r -a 'json listmonk form'",
	} {
		if code != 0 || !strings.Contains(fish, must) {
			t.Errorf("fish (exit %d) lacks %q", code, must)
		}
	}
}
