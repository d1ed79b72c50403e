package pipe_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// BenchmarkPipeHistory measures what --history adds to one `rebound pipe` process: pipes with and
// without it, in turns, and reports the difference of their mean wall times (history-ms/pipe).
func BenchmarkPipeHistory(b *testing.B) {
	hist := filepath.Join(b.TempDir(), "history.db")
	pipeOnce := func(i int, extra ...string) time.Duration {
		msg := testmta.Redated(b, "..", "examples/exim-mailbox-full.eml", fmt.Sprintf("bench-%d@mx1.example.org", i), nov1.Add(time.Duration(i)*time.Minute))
		msg = bytes.ReplaceAll(msg, []byte("carol@example.net"), []byte(fmt.Sprintf("carol%d@example.net", i%1000)))
		cmd := exec.Command(reboundBin, append([]string{"--config", "/dev/null", "--log-level", "error", "pipe", "--report-url", "-"}, extra...)...)
		cmd.Stdin = bytes.NewReader(msg)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("pipe: %v: %s", err, out)
		}
		return time.Since(start)
	}
	pipeOnce(-1, "--history", hist) // creates the schema
	var with, without time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		without += pipeOnce(i)
		with += pipeOnce(i, "--history", hist)
	}
	b.ReportMetric(float64(without.Microseconds())/float64(b.N)/1000, "plain-ms/pipe")
	b.ReportMetric(float64((with-without).Microseconds())/float64(b.N)/1000, "history-ms/pipe")
}
