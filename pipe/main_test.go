package pipe_test

import (
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// reboundBin is the rebound binary, built once in a directory that the mail system's
// unprivileged users can reach.
var reboundBin string

func TestMain(m *testing.M) { testmta.MainWithRebound(m, "..", &reboundBin) }

// runRebound runs the binary with stdin and returns its exit code and stderr.
func runRebound(t *testing.T, stdin []byte, args ...string) (int, string) {
	t.Helper()
	return testmta.Run(t, reboundBin, nil, stdin, args...)
}
