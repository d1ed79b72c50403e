package outbox

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
)

// queueBatch commits reports first..last-1 in one batch file.
func queueBatch(t *testing.T, ob *Outbox, first, last int) {
	t.Helper()
	b := ob.NewBatch()
	for i := first; i < last; i++ {
		if _, err := b.Add(report(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

func glob(t *testing.T, dir, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBatchFlushOutcomes: the reports of a batch file are delivered, refused (failed/, and
// remembered) or rescheduled in a file of their own, each under its own id, and the batch file
// is removed once all are handled; the rescheduled one is delivered by a later flush, once.
func TestBatchFlushOutcomes(t *testing.T) {
	c := newCounter()
	c.codes = []int{500, 422} // the first report is retried later, the second refused
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	queueBatch(t, ob, 0, 5)
	st, err := ob.Flush(context.Background(), s)
	if err == nil || st.Delivered != 3 || st.Retry != 1 || st.Rejected != 1 {
		t.Fatalf("flush: %+v, %v", st, err)
	}
	if left := glob(t, ob.Dir(), "new/*"); len(left) != 1 || filepath.Base(left[0]) != "r0000.json" {
		t.Fatalf("new/ holds %v, want the retried report alone", left)
	}
	if left := glob(t, ob.Dir(), "cur/*"); len(left) != 0 {
		t.Fatalf("cur/ holds %v", left)
	}
	it, err := ob.Get("r0000")
	if err != nil || it.State != StateHeld || it.Attempts != 1 {
		t.Fatalf("retried report: %+v, %v", it, err)
	}
	if it, err := ob.Get("r0001"); err != nil || it.State != StateFailed || !ob.isSent("r0001") {
		t.Fatalf("refused report: %+v, %v (remembered: %v)", it, err, ob.isSent("r0001"))
	}
	ob.RetryNow = true
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 1 {
		t.Fatalf("second flush: %+v, %v", st, err)
	}
	got := c.counts()
	for _, id := range []string{"r0000", "r0002", "r0003", "r0004"} {
		if got[id] != 1 {
			t.Errorf("%s delivered %d times", id, got[id])
		}
	}
	if got["r0001"] != 0 {
		t.Error("the refused report counted as delivered")
	}
}

// TestBatchFlushStopsAtConfigError: at a configuration error the flush stops; the report that
// met it waits in its own file with the long backoff, the others stay in the batch file, all of
// them counted waiting, and nothing is lost or sent twice once the receiver is fixed.
func TestBatchFlushStopsAtConfigError(t *testing.T) {
	c := newCounter()
	c.codes = []int{403}
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	queueBatch(t, ob, 0, 4)
	st, err := ob.Flush(context.Background(), s)
	if err == nil || st.Config != 1 || st.Waiting != 3 {
		t.Fatalf("flush: %+v, %v", st, err)
	}
	if w, _, _ := ob.Pending(); w != 4 {
		t.Errorf("%d reports pending, want 4", w)
	}
	if own := glob(t, ob.Dir(), "new/*.json"); len(own) != 1 {
		t.Errorf("reports in files of their own: %v", own)
	}
	if b := glob(t, ob.Dir(), "new/*.batch"); len(b) != 1 || batchLen(b[0]) != 3 {
		t.Errorf("batch files: %v", b)
	}
	items, _ := ob.List()
	if len(items) != 4 {
		t.Errorf("list: %d items, want 4", len(items))
	}
	ob.RetryNow = true
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 4 {
		t.Fatalf("second flush: %+v, %v", st, err)
	}
	for id, n := range c.counts() {
		if n != 1 {
			t.Errorf("%s delivered %d times", id, n)
		}
	}
	if n := len(glob(t, ob.Dir(), "new/*")) + len(glob(t, ob.Dir(), "cur/*")); n != 0 {
		t.Errorf("%d files left", n)
	}
}

// TestBatchKilledDuringFlush kills a process flushing a batch file while the receiver holds its
// request: its claim is put back by the next flush, which delivers every report of the batch,
// each id once.
func TestBatchKilledDuringFlush(t *testing.T) {
	c := newCounter()
	c.block = make(chan struct{})
	_, url := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	queueBatch(t, ob, 0, 6)
	cmd := startChild(t, "flush", dir, url, 0)
	select {
	case <-c.arrived:
	case <-time.After(30 * time.Second):
		t.Fatal("the child never sent")
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if claimed := glob(t, dir, "cur/*.batch.*"); len(claimed) != 1 {
		t.Fatalf("claims left by the killed process: %v", claimed)
	}
	if stale, _ := ob.StaleClaims(); len(stale) != 6 {
		t.Errorf("%d stale reports, want the batch's 6", len(stale))
	}
	select {
	case <-c.abandoned:
	case <-time.After(30 * time.Second):
		t.Fatal("the receiver never saw the killed process's connection close")
	}
	close(c.block)
	s, _ := feedback.NewHTTPSender(feedback.HTTPConfig{URL: url})
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 6 {
		t.Fatalf("flush: %+v, %v", st, err)
	}
	c.wantEachOnce(t, 6)
	if w, _, _ := ob.Pending(); w != 0 {
		t.Errorf("%d reports still waiting", w)
	}
}

// TestQueueOfPreviousVersionFlushes: an outbox written by rebound ccf5dd4 (before batch files:
// testdata/queue-ccf5dd4, one file per report, as its scan queued them) is flushed as it is,
// beside a batch file of this version that repeats one of its ids: every report is delivered,
// each id once.
func TestQueueOfPreviousVersionFlushes(t *testing.T) {
	dir := t.TempDir()
	old, _ := filepath.Glob("testdata/queue-ccf5dd4/new/*.json")
	if len(old) == 0 {
		t.Fatal("no fixture")
	}
	os.MkdirAll(filepath.Join(dir, "new"), 0o750)
	want := map[string]bool{}
	for _, f := range old {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "new", filepath.Base(f)), b, 0o640)
		want[strings.TrimSuffix(filepath.Base(f), ".json")] = true
	}
	ob, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A batch of this version with two new reports and one the old queue holds.
	var e entry
	b, _ := os.ReadFile(old[0])
	json.Unmarshal(b, &e)
	batch := ob.NewBatch()
	if added, _ := batch.Add(e.Report); added {
		t.Error("a report of the old queue staged again")
	}
	if err := ob.writeBatch(newBatchName()+batchSuffix, []entry{{Report: e.Report}, {Report: report(1)}, {Report: report(2)}}); err != nil {
		t.Fatal(err)
	}
	want["r0001"], want["r0002"] = true, true
	if w, _, _ := ob.Pending(); w != len(old)+3 {
		t.Errorf("%d pending, want %d (the repeated id counted in both files)", w, len(old)+3)
	}
	c := newCounter()
	s, _ := serve(t, c)
	st, err := ob.Flush(context.Background(), s)
	if err != nil || st.Delivered != len(want) {
		t.Fatalf("flush: %+v, %v; want %d delivered", st, err, len(want))
	}
	got := c.counts()
	for id := range want {
		if got[id] != 1 {
			t.Errorf("%s delivered %d times", id, got[id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d ids delivered, want %d", len(got), len(want))
	}
	if n := len(glob(t, dir, "new/*")) + len(glob(t, dir, "cur/*")); n != 0 {
		t.Errorf("%d files left", n)
	}
}

// TestListShowsBatchedReports: list and show give the reports of a batch file one by one, as
// waiting, and no longer once they are handled elsewhere.
func TestListShowsBatchedReports(t *testing.T) {
	ob, _ := Open(t.TempDir())
	queueBatch(t, ob, 0, 3)
	items, err := ob.List()
	if err != nil || len(items) != 3 {
		t.Fatalf("list: %+v, %v", items, err)
	}
	for _, it := range items {
		if it.State != StateWaiting || it.Report.Email == "" || it.QueuedAt.IsZero() || !strings.HasSuffix(it.Path, batchSuffix) {
			t.Errorf("item %+v", it)
		}
	}
	if it, err := ob.Get("r0001"); err != nil || it.Report.ID != "r0001" {
		t.Errorf("get: %+v, %v", it, err)
	}
	if err := ob.Retry("r0001"); err != nil {
		t.Errorf("retry of a waiting report: %v", err)
	}
	ob.markSent("r0001")
	if items, _ := ob.List(); len(items) != 2 {
		t.Errorf("after r0001 was sent: %d items, want 2", len(items))
	}
}
