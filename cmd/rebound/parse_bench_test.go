package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rebound/rebound/mailsource"
)

// BenchmarkParseFiles is parse --json on one core, in process, from the files: the shared
// corpus's maildir/bsd (629 messages, the folder scripts/bench.sh copies), opened, read, parsed
// and rendered as JSON lines by parseAll with one worker; the output is discarded. One op is
// one pass over the folder; msgs/s, B/msg and allocs/msg are per message. It guards the speed
// of the whole-file path that the in-process BenchmarkParseCorpus of package dsn, parsing only,
// does not see (docs/performance.md).
func BenchmarkParseFiles(b *testing.B) {
	shared := os.Getenv("REBOUND_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	paths, err := mailsource.Expand([]string{filepath.Join(shared, "corpus", "sisimai", "maildir", "bsd")})
	if err != nil || len(paths) < 100 {
		if os.Getenv("CI") != "" {
			b.Fatalf("shared corpus not found in %s (%d files): %v", shared, len(paths), err)
		}
		b.Skipf("shared corpus not found in %s", shared)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		if _, err := parseAll(paths, nil, 1, appendJSONLine, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	msgs := float64(b.N) * float64(len(paths))
	b.ReportMetric(msgs/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/msgs, "B/msg")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/msgs, "allocs/msg")
}
