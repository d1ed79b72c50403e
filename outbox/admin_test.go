package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
)

// recorder is a sender that accepts every report and remembers its id.
type recorder struct{ ids []string }

func (r *recorder) Send(_ context.Context, rp feedback.Report) error {
	r.ids = append(r.ids, rp.ID)
	return nil
}

// deadPID returns the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// fill makes an outbox with one report in each state: r0001 waiting, r0002 held, r0003 failed,
// r0004 claimed by a dead process, r0005 claimed by this one.
func fill(t *testing.T) (*Outbox, time.Time) {
	t.Helper()
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	o, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	o.now = func() time.Time { return now }
	put := func(path string, e entry) {
		b, _ := json.Marshal(e)
		if err := os.WriteFile(path, b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	put(o.path("new", "r0001.json"), entry{Report: report(1), QueuedAt: now.Add(-2 * time.Hour)})
	put(o.path("new", "r0002.json"), entry{Report: report(2), QueuedAt: now.Add(-time.Hour), Attempts: 3, NextTry: now.Add(10 * time.Minute), LastError: "HTTP 503"})
	put(o.path("failed", "r0003.json"), entry{Report: report(3), QueuedAt: now.Add(-3 * time.Hour), LastError: "HTTP 404: no such subscriber"})
	put(o.path("cur", "r0004.json."+strconv.Itoa(deadPID(t))), entry{Report: report(4), QueuedAt: now.Add(-4 * time.Hour)})
	put(o.path("cur", "r0005.json."+strconv.Itoa(os.Getpid())), entry{Report: report(5), QueuedAt: now.Add(-5 * time.Hour)})
	l, ok := o.tryLock("r0005") // held as a sending process holds it
	if !ok {
		t.Fatal("lock of r0005 not taken")
	}
	t.Cleanup(l.unlock)
	return o, now
}

func TestListStates(t *testing.T) {
	o, now := fill(t)
	items, err := o.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id    string
		state State
		age   time.Duration
	}{
		{"r0004", StateStale, 4 * time.Hour},
		{"r0005", StateSending, 5 * time.Hour},
		{"r0001", StateWaiting, 2 * time.Hour},
		{"r0002", StateHeld, time.Hour},
		{"r0003", StateFailed, 3 * time.Hour},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	for i, w := range want {
		it := items[i]
		if it.ID != w.id || it.State != w.state || it.Age(now) != w.age || it.Report.Email != report(i).Email && it.Report.ID != w.id {
			t.Errorf("item %d: got %s %s age %s, want %s %s %s", i, it.ID, it.State, it.Age(now), w.id, w.state, w.age)
		}
	}
	if it := items[3]; it.Attempts != 3 || it.LastError != "HTTP 503" || it.Report.Email != "u2@example.com" {
		t.Errorf("held item %+v", it)
	}
	if it, err := o.Get("r0003"); err != nil || it.State != StateFailed || it.LastError != "HTTP 404: no such subscriber" {
		t.Errorf("Get failed: %+v %v", it, err)
	}
	if _, err := o.Get("r9999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get unknown: %v", err)
	}
	if _, err := o.Get("../x"); err == nil {
		t.Errorf("Get accepted a path as an id")
	}
}

// TestRetryFailedThenFlush: a refused report put back in line is sent by the next flush, once;
// a held report becomes due at once; a claimed report is refused.
func TestRetryFailedThenFlush(t *testing.T) {
	o, _ := fill(t)
	if n, err := o.RetryFailed(); n != 1 || err != nil {
		t.Fatalf("RetryFailed = %d, %v", n, err)
	}
	if _, err := os.Stat(o.path("failed", "r0003.json")); !os.IsNotExist(err) {
		t.Errorf("the refused copy stays in failed/: %v", err)
	}
	if err := o.Retry("r0002"); err != nil {
		t.Fatal(err)
	}
	if err := o.Retry("r0005"); err == nil {
		t.Errorf("a report being sent was put back")
	}
	if err := o.Retry("r9999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Retry unknown: %v", err)
	}
	it, _ := o.Get("r0003")
	if it.State != StateWaiting || it.Attempts != 0 {
		t.Errorf("after retry: %+v", it)
	}
	var rec recorder
	st, err := o.Flush(context.Background(), &rec)
	if err != nil {
		t.Fatal(err)
	}
	// r0001 and r0004 (the stale claim, put back by Flush) were due anyway; r0002 (held) and
	// r0003 (refused) are due because of Retry; r0005 is claimed by this process.
	got := map[string]bool{}
	for _, id := range rec.ids {
		got[id] = true
	}
	for _, id := range []string{"r0001", "r0002", "r0003", "r0004"} {
		if !got[id] {
			t.Errorf("%s not sent (sent %v, stats %+v)", id, rec.ids, st)
		}
	}
	if len(rec.ids) != 4 {
		t.Errorf("sent %v", rec.ids)
	}
}

// TestRetryFailedAlreadyQueued: a refused report whose id was queued again meanwhile is not
// queued twice.
func TestRetryFailedAlreadyQueued(t *testing.T) {
	o, _ := fill(t)
	if err := o.Enqueue(report(3)); err != nil {
		t.Fatal(err)
	}
	if err := o.Retry("r0003"); err != nil {
		t.Fatal(err)
	}
	items, _ := o.List()
	n := 0
	for _, it := range items {
		if it.ID == "r0003" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("r0003 appears %d times", n)
	}
}

func TestPurgeFailed(t *testing.T) {
	o, now := fill(t)
	old := o.path("failed", "r0003.json")
	recent := o.path("failed", "r0006.json")
	if err := os.WriteFile(recent, []byte(`{"report":{"id":"r0006"}}`), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(old, now.Add(-40*24*time.Hour), now.Add(-40*24*time.Hour))
	os.Chtimes(recent, now.Add(-time.Hour), now.Add(-time.Hour))
	ids, err := o.PurgeFailed(30 * 24 * time.Hour)
	if err != nil || len(ids) != 1 || ids[0] != "r0003" {
		t.Fatalf("PurgeFailed = %v, %v", ids, err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent refusal was purged: %v", err)
	}
	items, _ := o.List()
	if len(items) != 5 {
		t.Errorf("purge touched other reports: %d left", len(items))
	}
}

// TestOpenExistingCreatesNothing: OpenExisting fails on a missing outbox, or one with a folder
// missing, and creates nothing.
func TestOpenExistingCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	if _, err := OpenExisting(dir); err == nil {
		t.Errorf("opened a missing outbox")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("OpenExisting created %s", dir)
	}
	// An outbox whose folders are not all there yet opens, lists nothing, and stays as it was.
	os.MkdirAll(filepath.Join(dir, "new"), 0o750)
	partial, err := OpenExisting(dir)
	if err != nil {
		t.Fatalf("a partial outbox: %v", err)
	}
	if items, err := partial.List(); err != nil || len(items) != 0 {
		t.Errorf("List of a partial outbox: %v, %v", items, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("OpenExisting or List created folders: %d entries", len(entries))
	}
	if _, err := Open(dir); err != nil {
		t.Fatal(err)
	}
	o, err := OpenExisting(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Writable(); err != nil {
		t.Errorf("Writable: %v", err)
	}
}

// TestRetryAsRootKeepsOwner: a report root puts back in line is given the owner of new/, so that
// the user flush runs as can still read and move it.
func TestRetryAsRootKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give files away")
	}
	o, _ := fill(t)
	os.Chown(filepath.Join(o.dir, "new"), 4242, 4343)
	if err := o.Retry("r0003"); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(o.path("new", "r0003.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 4242 || st.Gid != 4343 {
		t.Errorf("owner %d:%d, want 4242:4343", st.Uid, st.Gid)
	}
}
