package scan_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/testmta"
	"github.com/rebound/rebound/maildir"
	"github.com/rebound/rebound/outbox"
	"github.com/rebound/rebound/scan"
)

// benchSize is the number of messages of the scan benchmarks: REBOUND_BENCH_MESSAGES, default n.
func benchSize(n int) int {
	if v, err := strconv.Atoi(os.Getenv("REBOUND_BENCH_MESSAGES")); err == nil && v > 0 {
		return v
	}
	return n
}

// discard is a sender that accepts everything.
type discard struct{ n atomic.Int64 }

func (d *discard) Send(context.Context, feedback.Report) error { d.n.Add(1); return nil }

// BenchmarkScanMaildir scans a Maildir of REBOUND_BENCH_MESSAGES corpus bounces (default 2,000;
// the figure in the notes is for 100,000) into an outbox, and reports messages per second and
// the peak heap: with group commit (as rebound scan does: one batch file and its syncs per 256
// messages) and queueing each message's reports on its own (one file, its sync and one of new/
// per report).
func BenchmarkScanMaildir(b *testing.B) {
	b.Run("group-commit", func(b *testing.B) { benchScanMaildir(b, true) })
	b.Run("each", func(b *testing.B) { benchScanMaildir(b, false) })
}

func benchScanMaildir(b *testing.B, batches bool) {
	n := benchSize(2000)
	sample := corpusSample(b, 200)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "Maildir")
		for _, sub := range []string{"new", "cur", "tmp"} {
			os.MkdirAll(filepath.Join(dir, sub), 0o700)
		}
		for j := 0; j < n; j++ {
			// Each copy is another bounce: its own Message-ID.
			msg := append([]byte(fmt.Sprintf("Message-ID: <bench-%d@bench.test>\n", j)), sample[j%len(sample)]...)
			os.WriteFile(filepath.Join(dir, "new", fmt.Sprintf("%d.M%d.bench", j, j)), msg, 0o600)
		}
		ob, _ := outbox.Open(filepath.Join(b.TempDir(), "outbox"))
		src, err := maildir.Open(dir, "Bounces.Processed", "", false)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		b.StartTimer()
		var st scan.Stats
		start := time.Now()
		peak := testmta.PeakHeap(func() {
			rep := &outbox.Reporter{Outbox: ob, Sender: &discard{}}
			cfg := scan.Config{Reporter: rep}
			if batches {
				cfg.NewBatch = func() scan.ReportBatch { return rep.NewBatch() }
			}
			st, err = scan.Run(context.Background(), src, cfg)
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Scanned)/time.Since(start).Seconds(), "msgs/s")
		b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
		b.ReportMetric(float64(st.Scanned), "msgs")
	}
}
