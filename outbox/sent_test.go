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
