package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestStackGrownFirst checks that internal/stackstart's init runs before the inits that call
// deep (yaml, kong, modernc's C library, the parser's tables), so that the main goroutine's
// stack is grown while it is shallow: with GODEBUG=inittrace=1 the binary names each package's
// init in the order they run.
func TestStackGrownFirst(t *testing.T) {
	cmd := exec.Command(reboundBin, "--help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rebound --help: %v\n%s", err, out)
	}
	var order []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	first := slices.Index(order, "github.com/rebound/rebound/internal/stackstart")
	if first < 0 {
		t.Fatalf("internal/stackstart's init did not run (inits: %v)", order)
	}
	for _, later := range []string{"gopkg.in/yaml%2ev3", "github.com/alecthomas/kong", "github.com/rebound/rebound/dsn", "modernc.org/libc"} {
		if i := slices.Index(order, later); i >= 0 && i < first {
			t.Errorf("%s's init runs before internal/stackstart's", later)
		}
	}
}
