package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rebound/rebound/policy"
)

// BenchmarkPipeWrite is what --history adds to one `rebound pipe`: open the SQLite history
// (the schema check included) and record one strike of a recipient. The pipe then exits
// without closing it (Leave); here the store is closed outside the timing, so the next opening
// starts from a checkpointed log as it would from a short one.
func BenchmarkPipeWrite(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "history.db")
	st, err := OpenSQLite(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		st, err := OpenSQLite(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		ev := strike("p"+strconv.Itoa(i), fmt.Sprintf("r%d@x.test", i%1000), at.Add(time.Duration(i)*time.Minute))
		if _, err := st.Record(ctx, ev, threeStrikes); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu -= cpuTime()
		st.Close()
		cpu += cpuTime()
		b.StartTimer()
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// statsEvents is how many events BenchmarkStats counts: REBOUND_BENCH_EVENTS, default 1,000,000.
func statsEvents() int {
	if n, err := strconv.Atoi(os.Getenv("REBOUND_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkStats counts a history of a million events (generated first, over 90 days, 40
// reasons, 500 domains, 50 campaigns): the table by reason, and everything the HTML page reads.
func BenchmarkStats(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "history.db")
	st, err := OpenSQLite(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	n := statsEvents()
	start := time.Now()
	generate(b, st.(*sqlStore), n)
	b.Logf("%d events generated in %s", n, time.Since(start).Round(time.Millisecond))
	since := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, by := range [][]string{{"reason"}, {"domain"}, {"day", "category"}, {"campaign"}, {"action", "reason"}} {
		b.Run(fmt.Sprint(by), func(b *testing.B) {
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				rows, err := st.Count(ctx, since, by...)
				if err != nil || len(rows) == 0 {
					b.Fatal(err, len(rows))
				}
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// generate inserts n synthetic events in one transaction.
func generate(b *testing.B, s *sqlStore, n int) {
	ctx := context.Background()
	reasons := []string{"userunknown", "mailboxfull", "blocked", "spamdetected", "hostunknown", "expired", "suspend", "filtered"}
	categories := []string{"recipient", "recipient", "antispam", "antispam", "domain", "system", "recipient", "recipient"}
	actions := []policy.Action{policy.Dead, policy.Strikes, policy.Sender, policy.Sender, policy.Dead, policy.Strikes, policy.Strikes, policy.Pass}
	types := []string{"hard", "soft", "", "", "hard", "soft", "soft", "soft"}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO events (`+eventColumns+`, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		b.Fatal(err)
	}
	base := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC).Unix()
	for i := 0; i < n; i++ {
		r := i % len(reasons)
		domain := fmt.Sprintf("d%d.test", i%500)
		_, err := stmt.ExecContext(ctx, fmt.Sprintf("g%09d", i), base+int64(i)*(90*86400)/int64(n), fmt.Sprintf("u%d@%s", i%200000, domain), domain,
			"bounce", reasons[r], categories[r], "5.0.0", string(actions[r]), types[r], fmt.Sprintf("c%d", i%50), "bench", 0, 0, 0)
		if err != nil {
			b.Fatal(err)
		}
	}
	stmt.Close()
	// The daily counts, as the migration that made them fills them from the events.
	if _, err := tx.ExecContext(ctx, `DELETE FROM daily`); err != nil {
		b.Fatal(err)
	}
	backfill := migrations[1][strings.Index(migrations[1], "INSERT"):]
	if _, err := tx.ExecContext(ctx, strings.TrimSuffix(strings.TrimSpace(backfill), ";")); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the CPU time the process has used: on a shared machine it says more of a query's
// cost than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
