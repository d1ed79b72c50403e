package imap_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
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
// Before the scan it times Dovecot alone on the same folder (dovecot-msgs/s): one UID FETCH of
// every message with BODY.PEEK[] over TLS, read as raw bytes and not parsed, the most any
// client can get from that server here.
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
		raw := rawFetchRate(b, d, user, n)
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
		b.ReportMetric(raw, "dovecot-msgs/s")
		src.Close()
	}
}

// rawFetchRate fetches the n messages of user's INBOX from d in one UID FETCH over TLS, reading
// the answer as lines without parsing it, and returns messages per second.
func rawFetchRate(b *testing.B, d *testmta.Dovecot, user string, n int) float64 {
	b.Helper()
	pem, _ := os.ReadFile(d.CAFile)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	conn, err := tls.Dial("tcp", d.TLSAddr, &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"})
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	r := bufio.NewReaderSize(conn, 64<<10)
	// until reads lines up to the tagged answer of tag.
	until := func(tag string) (fetched int) {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				b.Fatalf("raw fetch: %v", err)
			}
			if strings.HasPrefix(line, "* ") && strings.Contains(line, " FETCH (") {
				fetched++
			}
			if strings.HasPrefix(line, tag+" ") {
				if !strings.HasPrefix(line, tag+" OK") {
					b.Fatalf("raw fetch: %s", line)
				}
				return fetched
			}
		}
	}
	r.ReadString('\n') // greeting
	fmt.Fprintf(conn, "zl LOGIN %s secret\r\n", user)
	until("zl")
	fmt.Fprintf(conn, "zs EXAMINE INBOX\r\n")
	until("zs")
	start := time.Now()
	fmt.Fprintf(conn, "zf UID FETCH 1:* (BODY.PEEK[])\r\n")
	got := until("zf")
	rate := float64(got) / time.Since(start).Seconds()
	if got != n {
		b.Fatalf("raw fetch: %d messages, want %d", got, n)
	}
	fmt.Fprintf(conn, "zo LOGOUT\r\n")
	return rate
}
