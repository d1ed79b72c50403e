package testmta

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/rebound/rebound/dsn"
)

// MainWithRebound builds the rebound binary (module root at root) into *bin, runs the tests of
// a package and exits: use it as the body of TestMain.
func MainWithRebound(m *testing.M, root string, bin *string) {
	b, dir, err := BuildRebound(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	*bin = b
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Run runs the binary with env added to the environment and stdin (may be nil), and returns its
// exit status and standard error.
func Run(t testing.TB, bin string, env []string, stdin []byte, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr, cmd.Stdout = &stderr, io.Discard
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stderr.String()
}

// Bounces returns n messages of the shared corpus that a scan moves (bounces, delays,
// complaints), taking every step-th file. The corpus is read from $REBOUND_SHARED or
// ../../shared; without it the test is skipped, or fails under CI.
func Bounces(t testing.TB, n, step int) [][]byte {
	t.Helper()
	shared := os.Getenv("REBOUND_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "sisimai", "maildir", "bsd", "lhost-*.eml"))
	if len(files) == 0 {
		if os.Getenv("CI") != "" || os.Getenv("REBOUND_REQUIRE_SERVERS") != "" {
			t.Fatalf("shared corpus not found under %s", shared)
		}
		t.Skip("shared corpus not found")
	}
	sort.Strings(files)
	var out [][]byte
	for i := 0; len(out) < n && i < 10*n; i++ {
		b, err := os.ReadFile(files[(i*step)%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		if isBounce(b) {
			out = append(out, b)
		}
	}
	return out
}

func isBounce(b []byte) bool {
	rep, err := dsn.Parse(bytes.NewReader(b), nil)
	if err != nil {
		return false
	}
	switch rep.Kind {
	case dsn.KindBounce, dsn.KindDelay, dsn.KindComplaint:
		return true
	}
	return false
}

// Ordinary is a human reply to the bounce address: mail that a scan must leave alone.
func Ordinary(i int) []byte {
	return []byte(fmt.Sprintf("From: Friend %d <friend%d@example.com>\r\nTo: bounces@lists.test\r\nSubject: Re: your newsletter %d\r\nMessage-ID: <human-%d@example.com>\r\n\r\nThanks, I liked it.\r\n", i, i, i, i))
}
