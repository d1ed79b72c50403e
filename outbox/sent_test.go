package outbox

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
)

type okSender struct{ n int }

func (s *okSender) Send(context.Context, feedback.Report) error { s.n++; return nil }

// Ids are forgotten a whole day at a time once older than the retention, and pruning looks at
// the expired ids only, never at the ones kept.
func TestSentLedgerPrunedByDay(t *testing.T) {
	dir := t.TempDir()
	ob, _ := Open(dir)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	ob.now = func() time.Time { return now }
	s := &okSender{}
	for i := 0; i < 3; i++ { // 200 days before the last flush
		ob.Enqueue(report(i))
	}
	ob.Flush(context.Background(), s)
	now = now.AddDate(0, 0, 20)
	for i := 100; i < 130; i++ { // 180 days before: kept
		ob.Enqueue(report(i))
	}
	ob.Flush(context.Background(), s)
	now = now.AddDate(0, 0, 180)
	if n := ob.pruneSent(); n != 3 {
		t.Errorf("pruning looked at %d ids, want the 3 expired", n)
	}
	for i, want := range map[int]bool{0: false, 2: false, 100: true, 129: true} {
		if got := ob.isSent(report(i).ID); got != want {
			t.Errorf("%s remembered %v, want %v", report(i).ID, got, want)
		}
	}
	if days := ob.sentDays(); len(days) != 1 || days[0] != "20260521" {
		t.Errorf("days %v", days)
	}
	if n := ob.pruneSent(); n != 0 {
		t.Errorf("a second pruning looked at %d ids", n)
	}
}

// An outbox written before the day index (sent/ alone) keeps working: its ids are still known,
// indexed once by their files' time, and pruned.
func TestOldSentLedgerIsIndexedOnce(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"tmp", "new", "cur", "failed", "sent"} {
		os.MkdirAll(filepath.Join(dir, d), 0o750)
	}
	old, recent := time.Now().AddDate(0, 0, -200), time.Now().AddDate(0, 0, -10)
	for i := 0; i < 10; i++ {
		p := filepath.Join(dir, "sent", fmt.Sprintf("r%04d", i))
		os.WriteFile(p, nil, 0o640)
		tm := recent
		if i < 4 {
			tm = old
		}
		os.Chtimes(p, tm, tm)
	}
	ob, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ob.Enqueue(report(7)) // known from the old ledger: not queued
	if w, _, _ := ob.Pending(); w != 0 {
		t.Fatalf("an id of the old ledger was queued again")
	}
	if n := ob.pruneSent(); n != 10+4 {
		t.Errorf("first pruning looked at %d ids, want 10 indexed + 4 expired", n)
	}
	for i := 0; i < 10; i++ {
		if got, want := ob.isSent(report(i).ID), i >= 4; got != want {
			t.Errorf("%s remembered %v, want %v", report(i).ID, got, want)
		}
	}
	if n := ob.pruneSent(); n != 0 {
		t.Errorf("second pruning looked at %d ids", n)
	}
}

// FlushIDs (a pipe's send) never prunes: only Flush does.
func TestOnlyFlushPrunes(t *testing.T) {
	dir := t.TempDir()
	ob, _ := Open(dir)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	ob.now = func() time.Time { return now }
	s := &okSender{}
	ob.Enqueue(report(1))
	ob.Flush(context.Background(), s)
	now = now.AddDate(1, 0, 0)
	ob.Enqueue(report(2))
	ob.FlushIDs(context.Background(), s, []string{report(2).ID})
	if !ob.isSent(report(1).ID) {
		t.Fatal("FlushIDs pruned the ledger")
	}
	ob.Flush(context.Background(), s)
	if ob.isSent(report(1).ID) {
		t.Error("Flush did not prune an id a year old")
	}
}

// BenchmarkPruneSent100k measures a flush's pruning of a ledger of 100,000 ids of which none
// has expired: the cost of what is kept.
func BenchmarkPruneSent100k(b *testing.B) {
	dir := b.TempDir()
	ob, _ := Open(dir)
	start := time.Now().AddDate(0, 0, -150)
	for i := 0; i < 100000; i++ {
		id := fmt.Sprintf("r%07d", i)
		day := filepath.Join(dir, sentDaysDir, start.AddDate(0, 0, i%150).UTC().Format(dayLayout))
		if i < 150 {
			os.MkdirAll(day, 0o750)
		}
		touch(filepath.Join(day, id))
		touch(ob.path("sent", id))
	}
	ob.pruneSent() // indexes nothing more, writes the marker
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := ob.pruneSent(); n != 0 {
			b.Fatalf("pruned %d", n)
		}
	}
}
