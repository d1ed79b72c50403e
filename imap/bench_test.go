package imap_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/imap"
	"github.com/rebound/rebound/internal/testmta"
	"github.com/rebound/rebound/outbox"
	"github.com/rebound/rebound/scan"
)

type discard struct{}

func (discard) Send(context.Context, feedback.Report) error { return nil }

// BenchmarkScanIMAP scans a Dovecot folder of REBOUND_BENCH_MESSAGES bounces (default 300; the
// figure in the notes is for 10,000) over TLS, and reports messages per second and peak heap.
func BenchmarkScanIMAP(b *testing.B) {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("REBOUND_BENCH_MESSAGES")); err == nil && v > 0 {
		n = v
	}
	d := testmta.StartDovecot(b, 0, 0)
	sample := sample(b, 100)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		user := fmt.Sprintf("bench%d", i)
		c := client(b, d, user)
		var msgs [][]byte
		for j := 0; j < n; j++ {
			msgs = append(msgs, append([]byte(fmt.Sprintf("Message-ID: <bench-%d@bench.test>\r\n", j)), sample[j%len(sample)]...))
		}
		appendAll(b, c, msgs)
		src, err := imap.Connect(context.Background(), imap.Config{Server: d.TLSAddr, CAFile: d.CAFile, User: user, Password: "secret"})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		b.StartTimer()
		start := time.Now()
		var st scan.Stats
		peak := testmta.PeakHeap(func() {
			st, err = scan.Run(context.Background(), src, scan.Config{Reporter: &outbox.Reporter{Sender: discard{}}})
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Scanned)/time.Since(start).Seconds(), "msgs/s")
		b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
		src.Close()
	}
}
