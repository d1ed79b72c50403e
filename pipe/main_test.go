package pipe_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// reboundBin is the rebound binary, built once in a directory that the mail system's
// unprivileged users can reach.
var reboundBin string

func TestMain(m *testing.M) {
	bin, dir, err := testmta.BuildRebound("..")
	if err != nil {
		panic(err)
	}
	reboundBin = bin
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runRebound runs the binary with stdin and returns its exit code and stderr.
func runRebound(t *testing.T, stdin []byte, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(reboundBin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
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
