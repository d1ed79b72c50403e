package main

import (
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rebound.1 from the command model")

// TestManPageUpToDate: docs/rebound.1 is what `rebound man` generates from the command model, so
// a new flag or command cannot be left out of the manual.
func TestManPageUpToDate(t *testing.T) {
	const path = "../../docs/rebound.1"
	out, stderr, code := run(t, "", "man")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out {
		t.Fatalf("docs/rebound.1 is out of date: run `go test ./cmd/rebound -run TestManPageUpToDate -update` (or `go run ./cmd/rebound man > docs/rebound.1`)")
	}
	for _, must := range []string{".TH REBOUND 1", `rebound scan maildir\fR`, `\fB\-\-outbox\fR=\fIDIR\fR`, "REBOUND_REPORT_URL", ".SH EXIT STATUS"} {
		if !strings.Contains(out, must) {
			t.Errorf("man page lacks %q", must)
		}
	}
	if strings.Contains(out, "rebound man") && strings.Contains(out, `.SS "\fBrebound man`) {
		t.Errorf("the hidden man command is documented")
	}
}

// TestManPageRenders: groff formats the page without a warning.
func TestManPageRenders(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff is not installed")
	}
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z", "../../docs/rebound.1")
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}
