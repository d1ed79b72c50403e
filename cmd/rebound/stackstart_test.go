package main

import (
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/onecore"
)

// TestStackGrownFirst checks that internal/stackstart's init runs before the inits that call
// deep (yaml, kong, modernc's C library, the parser's tables), so that the main goroutine's
// stack is grown while it is shallow: with GODEBUG=inittrace=1 the binary names each package's
// init in the order they run.
func TestStackGrownFirst(t *testing.T) {
	order := initOrder(t, "--help")
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

// TestOneCoreFirst checks that internal/onecore's init runs before the inits of the packages
// that start goroutines or allocate much (yaml, kong, net/http, the parser's tables), so that a
// pipe is on one processor before they run.
func TestOneCoreFirst(t *testing.T) {
	order := initOrder(t, "--config", os.DevNull, "pipe", "--report-url", "-")
	first := slices.Index(order, "github.com/rebound/rebound/internal/onecore")
	if first < 0 {
		t.Fatalf("internal/onecore's init did not run (inits: %v)", order)
	}
	for _, later := range []string{"gopkg.in/yaml%2ev3", "github.com/alecthomas/kong", "net/http", "github.com/rebound/rebound/dsn", "modernc.org/libc"} {
		if i := slices.Index(order, later); i >= 0 && i < first {
			t.Errorf("%s's init runs before internal/onecore's", later)
		}
	}
}

// TestValueFlagsAreTheGlobals holds onecore's list of the global flags that take a value to
// Globals: a flag it missed would make it read that flag's value as the command.
func TestValueFlagsAreTheGlobals(t *testing.T) {
	var want []string
	gt := reflect.TypeFor[Globals]()
	for i := range gt.NumField() {
		f := gt.Field(i)
		if f.Type.Kind() != reflect.Bool {
			want = append(want, "--"+f.Tag.Get("name"))
		}
		if f.Tag.Get("short") != "" {
			t.Errorf("global flag --%s has a short form, which onecore.IsPipe does not read", f.Tag.Get("name"))
		}
	}
	got := slices.Clone(onecore.ValueFlags)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("onecore.ValueFlags = %v, want the global flags with values %v", got, want)
	}
}

// initOrder runs rebound with args (and nothing on stdin) and GODEBUG=inittrace=1, which names
// each package's init in the order they run. The command's exit status is not checked.
func initOrder(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command(reboundBin, args...)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, _ := cmd.CombinedOutput()
	var order []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	return order
}
