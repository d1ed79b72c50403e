package testmta

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Chromium runs Debian's headless Chromium on a local page with args added (--screenshot=FILE,
// --dump-dom, --window-size=W,H) and returns its standard output. It starts with a throw-away
// profile and every background service off, so that it reaches no network.
func Chromium(t testing.TB, page string, args ...string) []byte {
	t.Helper()
	bin := Require(t, "chromium")
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(t.TempDir(), "profile"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v: %s", err, stderr.String())
	}
	return stdout.Bytes()
}
