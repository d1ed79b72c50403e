package outbox

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
)

// A configuration error (here 403, a wrong token) keeps every report waiting, tries only one per
// flush, and waits ConfigBackoff before the next try; once fixed, all are delivered.
func TestConfigErrorKeepsReportsQueued(t *testing.T) {
	for _, code := range []int{http.StatusForbidden, http.StatusNotFound, http.StatusMovedPermanently, http.StatusUnauthorized, http.StatusMethodNotAllowed} {
		c := newCounter()
		c.codes = []int{code}
		s, _ := serve(t, c)
		dir := t.TempDir()
		ob, _ := Open(dir)
		now := time.Date(2026, 11, 3, 7, 0, 0, 0, time.UTC)
		ob.now = func() time.Time { return now }
		for i := 0; i < 3; i++ {
			ob.Enqueue(report(i))
		}
		st, err := ob.Flush(context.Background(), s)
		if !feedback.IsConfig(err) || st.Config != 1 || st.Waiting != 2 || st.Rejected != 0 || st.Delivered != 0 {
			t.Fatalf("HTTP %d: flush %+v, %v", code, st, err)
		}
		if c.total != 1 {
			t.Errorf("HTTP %d: %d requests, want 1", code, c.total)
		}
		if w, f, _ := ob.Pending(); w != 3 || f != 0 {
			t.Errorf("HTTP %d: waiting %d failed %d", code, w, f)
		}
		es, _ := ob.List()
		tried := 0
		for _, e := range es {
			if e.Attempts > 0 {
				tried++
				if e.ErrorKind != "config" || !e.NextTry.Equal(now.Add(ConfigBackoff)) {
					t.Errorf("HTTP %d: %+v", code, e)
				}
			}
		}
		if tried != 1 {
			t.Errorf("HTTP %d: %d reports tried", code, tried)
		}
		// Fixed: a plain flush sends the two never tried; after ConfigBackoff, the last one.
		st, err = ob.Flush(context.Background(), s)
		if err != nil || st.Delivered != 2 || st.Waiting != 1 {
			t.Errorf("HTTP %d: flush once fixed %+v, %v", code, st, err)
		}
		now = now.Add(ConfigBackoff)
		if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 1 {
			t.Errorf("HTTP %d: flush after the backoff %+v, %v", code, st, err)
		}
		if len(c.counts()) != 3 {
			t.Errorf("HTTP %d: delivered %v", code, c.counts())
		}
	}
}

// A report refused for good is kept in failed/ and its id remembered: queued again (the same
// bounce seen again), it is not sent again. Retry sends it again.
func TestPermanentRefusalIsRemembered(t *testing.T) {
	for _, code := range []int{400, 413, 422} {
		c := newCounter()
		c.codes = []int{code}
		s, _ := serve(t, c)
		dir := t.TempDir()
		ob, _ := Open(dir)
		ob.Enqueue(report(7))
		if st, _ := ob.Flush(context.Background(), s); st.Rejected != 1 {
			t.Fatalf("HTTP %d: %+v", code, st)
		}
		if _, err := os.Stat(filepath.Join(dir, "failed", "r0007.json")); err != nil {
			t.Errorf("HTTP %d: not kept in failed/: %v", code, err)
		}
		os.Remove(filepath.Join(dir, "failed", "r0007.json")) // even once failed/ is cleaned
		ob.Enqueue(report(7))
		if st, _ := ob.Flush(context.Background(), s); st.Delivered+st.Rejected != 0 || c.total != 1 {
			t.Errorf("HTTP %d: a refused report was sent again: %+v, %d requests", code, st, c.total)
		}
		if w, _, _ := ob.Pending(); w != 0 {
			t.Errorf("HTTP %d: %d waiting", code, w)
		}
	}
}

func TestRetryFailedReport(t *testing.T) {
	c := newCounter()
	c.codes = []int{422}
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	ob.Enqueue(report(8))
	ob.Flush(context.Background(), s)
	if err := ob.Retry("r0008"); err != nil {
		t.Fatal(err)
	}
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 1 {
		t.Errorf("flush after retry %+v %v", st, err)
	}
	if w, f, _ := ob.Pending(); w != 0 || f != 0 {
		t.Errorf("waiting %d failed %d", w, f)
	}
}

// FlushIDs sends the given reports only: a pipe never sends the backlog.
func TestFlushIDsSendsOnlyThose(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	for i := 0; i < 5; i++ {
		ob.Enqueue(report(i))
	}
	st, err := ob.FlushIDs(context.Background(), s, []string{"r0001", "r0003", "unknown"})
	if err != nil || st.Delivered != 2 {
		t.Fatalf("%+v %v", st, err)
	}
	if got := c.counts(); len(got) != 2 || got["r0001"] != 1 || got["r0003"] != 1 {
		t.Errorf("received %v", got)
	}
	if w, _, _ := ob.Pending(); w != 3 {
		t.Errorf("%d waiting, want 3", w)
	}
}

// Without an outbox, a configuration error leaves the report unhandled (the pipe exits 75 and
// the MTA keeps the bounce); a refusal of the report itself is handled (logged).
func TestReporterWithoutOutbox(t *testing.T) {
	for code, handled := range map[int]bool{403: false, 401: false, 404: false, 302: false, 503: false, 422: true, 400: true, 200: true} {
		c := newCounter()
		c.codes = []int{code}
		s, _ := serve(t, c)
		err := (&Reporter{Sender: s}).Queue(context.Background(), []feedback.Report{report(1)})
		if (err == nil) != handled {
			t.Errorf("HTTP %d: %v, want handled %v", code, err, handled)
		}
	}
}
