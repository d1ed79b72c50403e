package outbox

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rebound/rebound/feedback"
)

func countDir(t *testing.T, dir string) int {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

// TestBatchCommit: staged reports wait in tmp/ until Commit puts them in new/; an id staged
// twice, or known to the outbox, is staged once; the flush delivers each once.
func TestBatchCommit(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	ob, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := ob.Enqueue(report(0)); err != nil {
		t.Fatal(err)
	}
	b := ob.NewBatch()
	for _, c := range []struct {
		i    int
		want bool
	}{{0, false}, {1, true}, {2, true}, {2, false}, {3, true}} {
		added, err := b.Add(report(c.i))
		if err != nil {
			t.Fatal(err)
		}
		if added != c.want {
			t.Errorf("report %d: added %v, want %v", c.i, added, c.want)
		}
	}
	// Staged in memory: nothing on disk before the commit.
	if b.Len() != 3 || countDir(t, filepath.Join(ob.Dir(), "tmp")) != 0 || countDir(t, filepath.Join(ob.Dir(), "new")) != 1 {
		t.Fatalf("before commit: %d staged, tmp/ %d, new/ %d", b.Len(), countDir(t, filepath.Join(ob.Dir(), "tmp")), countDir(t, filepath.Join(ob.Dir(), "new")))
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := countDir(t, filepath.Join(ob.Dir(), "tmp")); n != 0 {
		t.Errorf("%d files left in tmp/", n)
	}
	// One file for the three reports of the batch, beside the report queued alone.
	if n := countDir(t, filepath.Join(ob.Dir(), "new")); n != 2 {
		t.Errorf("%d files in new/, want 2", n)
	}
	if w, _, _ := ob.Pending(); w != 4 {
		t.Errorf("%d reports pending, want 4", w)
	}
	// The batch is reusable, and knows what it committed.
	if added, _ := b.Add(report(3)); added {
		t.Error("a committed report staged again")
	}
	// A new batch knows the ids of the batch files waiting in the outbox.
	if added, _ := ob.NewBatch().Add(report(2)); added {
		t.Error("a report waiting in a batch file staged again by another batch")
	}
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 4 {
		t.Fatalf("flush: %+v, %v", st, err)
	}
	if n := countDir(t, filepath.Join(ob.Dir(), "new")) + countDir(t, filepath.Join(ob.Dir(), "cur")); n != 0 {
		t.Errorf("%d files left in new/ and cur/ after the flush", n)
	}
	c.wantEachOnce(t, -1)
}

// TestBatchAbort: aborted reports leave nothing behind.
func TestBatchAbort(t *testing.T) {
	ob, _ := Open(t.TempDir())
	b := ob.NewBatch()
	b.Add(report(1))
	b.Add(report(2))
	b.Abort()
	if n := countDir(t, filepath.Join(ob.Dir(), "tmp")) + countDir(t, filepath.Join(ob.Dir(), "new")); n != 0 {
		t.Errorf("%d files left", n)
	}
}

// TestReporterBatchCounts: the reporter's counts say queued only once the batch is committed.
func TestReporterBatchCounts(t *testing.T) {
	s, _ := serve(t, newCounter())
	ob, _ := Open(t.TempDir())
	r := &Reporter{Outbox: ob, Sender: s}
	rb := r.NewBatch()
	if err := rb.Stage(context.Background(), []feedback.Report{report(1), report(2)}); err != nil {
		t.Fatal(err)
	}
	if r.Counts.Queued != 0 || rb.Len() != 2 {
		t.Errorf("before commit: %+v, %d staged", r.Counts, rb.Len())
	}
	if err := rb.Commit(); err != nil {
		t.Fatal(err)
	}
	if r.Counts.Queued != 2 {
		t.Errorf("after commit: %+v", r.Counts)
	}
	rb.Stage(context.Background(), []feedback.Report{report(2)})
	if r.Counts.AlreadyReported != 1 {
		t.Errorf("a queued report staged again: %+v", r.Counts)
	}
}

// TestNewBatchRemovesDeadStaging: reports staged by a process that died before its Commit are
// removed from tmp/; those of a running process are left alone.
func TestNewBatchRemovesDeadStaging(t *testing.T) {
	ob, _ := Open(t.TempDir())
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(ob.Dir(), "tmp")
	deadFile := filepath.Join(tmp, fmt.Sprintf("r0001.%d.abcdef", dead.Process.Pid))
	liveFile := filepath.Join(tmp, fmt.Sprintf("r0002.%d.abcdef", os.Getppid()))
	for _, f := range []string{deadFile, liveFile} {
		os.WriteFile(f, []byte("{}"), 0o640)
	}
	ob.NewBatch()
	if _, err := os.Stat(deadFile); err == nil {
		t.Error("a dead process's staged report was kept")
	}
	if _, err := os.Stat(liveFile); err != nil {
		t.Error("a running process's staged report was removed")
	}
}
