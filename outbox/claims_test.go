package outbox

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// An empty lock file, as kill -9 or a power cut between its creation and its first write left
// it with the former O_EXCL locks, does not stop the report from being sent.
func TestEmptyLockIsNotAnObstacle(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	ob.Enqueue(report(1))
	for _, content := range []string{"", strconv.Itoa(os.Getpid())} { // empty, and a live pid
		os.WriteFile(filepath.Join(dir, "cur", "r0001.lock"), []byte(content), 0o640)
		ob.Enqueue(report(2))
		if _, err := ob.Flush(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.counts(); got["r0001"] != 1 || got["r0002"] != 1 {
		t.Errorf("received %v", got)
	}
	if w, _, _ := ob.Pending(); w != 0 {
		t.Errorf("%d reports still waiting", w)
	}
	if locks, _ := filepath.Glob(filepath.Join(dir, "cur", "*.lock")); len(locks) != 0 {
		t.Errorf("lock files left: %v", locks)
	}
}

// A claim named after a pid that a live process has now (the pid was reused after a reboot),
// with no process holding its lock, is recovered and sent.
func TestClaimOfReusedPidIsRecovered(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	ob.Enqueue(report(3))
	for _, pid := range []int{1, os.Getpid()} {
		os.Rename(filepath.Join(dir, "new", "r0003.json"), filepath.Join(dir, "cur", "r0003.json."+strconv.Itoa(pid)))
		stale, err := ob.StaleClaims()
		if err != nil || len(stale) != 1 || stale[0].ID != "r0003" || stale[0].Report.Email != "u3@example.com" {
			t.Fatalf("pid %d: stale claims %+v, %v", pid, stale, err)
		}
		st, err := ob.Flush(context.Background(), s)
		if err != nil || st.Delivered != 1 {
			t.Fatalf("pid %d: flush %+v %v", pid, st, err)
		}
		ob.forgetSent("r0003") // send it again for the next pid
		os.WriteFile(filepath.Join(dir, "new", "r0003.json"), []byte(`{"report":{"id":"r0003","type":"hard","email":"u3@example.com"}}`), 0o640)
	}
	if got := c.counts()["r0003"]; got != 2 {
		t.Errorf("received %d times, want 2", got)
	}
}

// A claim whose sender holds its lock is left alone: it is "sending", not stale.
func TestLiveClaimIsLeftAlone(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	ob.Enqueue(report(4))
	l, ok := ob.tryLock("r0004")
	if !ok {
		t.Fatal("lock not taken")
	}
	os.Rename(filepath.Join(dir, "new", "r0004.json"), filepath.Join(dir, "cur", "r0004.json.1"))
	if st, _ := ob.Flush(context.Background(), s); st.Delivered != 0 {
		t.Fatalf("sent a report another sender holds: %+v", st)
	}
	es, _ := ob.List()
	if len(es) != 1 || es[0].State != StateSending {
		t.Fatalf("entries %+v", es)
	}
	l.unlock() // the sender dies without finishing
	if es, _ := ob.List(); len(es) != 1 || es[0].State != StateStale {
		t.Fatalf("entries after the sender died %+v", es)
	}
	if st, _ := ob.Flush(context.Background(), s); st.Delivered != 1 {
		t.Fatalf("stale claim not sent: %+v", st)
	}
}

// List tells what each attempt's error meant.
func TestListErrorKinds(t *testing.T) {
	c := newCounter()
	c.codes = []int{503, 422}
	s, _ := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	now := time.Date(2026, 11, 3, 7, 0, 0, 0, time.UTC)
	ob.now = func() time.Time { return now }
	for i := 1; i <= 3; i++ {
		ob.Enqueue(report(i))
	}
	ob.FlushIDs(context.Background(), s, []string{"r0001"}) // 503
	ob.FlushIDs(context.Background(), s, []string{"r0002"}) // 422
	es, err := ob.List()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		state    State
		attempts int
		kind     string
	}{
		"r0001": {StateHeld, 1, "temporary"},
		"r0002": {StateFailed, 1, "permanent"},
		"r0003": {StateWaiting, 0, ""},
	}
	if len(es) != len(want) {
		t.Fatalf("entries %+v", es)
	}
	for _, e := range es {
		w := want[e.ID]
		if e.State != w.state || e.Attempts != w.attempts || e.ErrorKind != w.kind || (w.kind != "") != (e.LastError != "") {
			t.Errorf("%+v, want %+v", e, w)
		}
	}
}
