package pipe_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
)

// countingHandler counts the requests a server receives, by Idempotency-Key.
type countingHandler struct {
	mu   sync.Mutex
	ids  map[string]int
	code int
	loc  string
	hold chan struct{} // when set, requests wait for it or for the client to go
}

func newCounting(code int) *countingHandler {
	return &countingHandler{ids: map[string]int{}, code: code}
}

func (h *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	h.mu.Lock()
	h.ids[r.Header.Get("Idempotency-Key")]++
	code, loc, hold := h.code, h.loc, h.hold
	h.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
	}
	if loc != "" {
		w.Header().Set("Location", loc)
	}
	w.WriteHeader(code)
}

func (h *countingHandler) requests() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[string]int{}
	for k, v := range h.ids {
		out[k] = v
	}
	return out
}

func files(t *testing.T, pattern string) []string {
	t.Helper()
	m, _ := filepath.Glob(pattern)
	return m
}

// A receiver that redirects, with an outbox: the report stays queued, sent/ does not record it,
// the redirect's target receives nothing. Once --report-url names the final address, flush
// delivers it.
func TestPipeRedirectKeepsReportQueued(t *testing.T) {
	target := newCounting(200)
	final := httptest.NewServer(target)
	t.Cleanup(final.Close)
	for _, code := range []int{301, 302, 303, 307, 308} {
		origin := newCounting(code)
		origin.loc = final.URL + "/hook"
		srv := httptest.NewServer(origin)
		t.Cleanup(srv.Close)
		outbox := filepath.Join(t.TempDir(), "outbox")
		exit, stderr := runRebound(t, realDSN(t, 1), "pipe", "--report-url", srv.URL+"/hook", "--outbox", outbox)
		if exit != 0 {
			t.Fatalf("%d: exit %d: %s", code, exit, stderr)
		}
		if got := files(t, filepath.Join(outbox, "new", "*.json")); len(got) != 1 {
			t.Errorf("%d: %d reports waiting, want 1", code, len(got))
		}
		if got := files(t, filepath.Join(outbox, "sent", "*")); len(got) != 0 {
			t.Errorf("%d: sent/ records %v", code, got)
		}
		if len(origin.requests()) != 1 || len(target.requests()) != 0 {
			t.Errorf("%d: origin got %v, the redirect's target %v", code, origin.requests(), target.requests())
		}
		// Without an outbox the MTA keeps the bounce.
		if exit, _ := runRebound(t, realDSN(t, 1), "pipe", "--report-url", srv.URL+"/hook"); exit != 75 {
			t.Errorf("%d without an outbox: exit %d, want 75", code, exit)
		}
		if len(target.requests()) != 0 {
			t.Errorf("%d: the redirect's target got %v", code, target.requests())
		}
		// Fixed configuration: the report goes to the final address.
		if exit, stderr := runRebound(t, nil, "flush", "--now", "--report-url", final.URL+"/hook", "--outbox", outbox); exit != 0 {
			t.Errorf("%d: flush exit %d: %s", code, exit, stderr)
		}
		if got := files(t, filepath.Join(outbox, "new", "*.json")); len(got) != 0 {
			t.Errorf("%d: still waiting after the fix: %v", code, got)
		}
		target.mu.Lock()
		target.ids = map[string]int{}
		target.mu.Unlock()
	}
}

// A pipe sends its own reports, never the backlog of the outbox: with a receiver that hangs,
// it gives up after --report-timeout and exits 0 (queued).
func TestPipeSendsOnlyItsOwnReports(t *testing.T) {
	recv := newCounting(200)
	srv := httptest.NewServer(recv)
	t.Cleanup(srv.Close)
	outbox := filepath.Join(t.TempDir(), "outbox")
	// A backlog: three bounces queued while the receiver was down.
	for i, id := range []string{"backlog-1@x", "backlog-2@x", "backlog-3@x"} {
		if exit, stderr := runRebound(t, withMessageID(realDSN(t, 1), id), "pipe", "--report-url", "http://127.0.0.1:1/down", "--outbox", outbox); exit != 0 {
			t.Fatalf("backlog %d: exit %d: %s", i, exit, stderr)
		}
	}
	if exit, stderr := runRebound(t, withMessageID(realDSN(t, 1), "own@x"), "pipe", "--report-url", srv.URL, "--outbox", outbox); exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr)
	}
	if got := recv.requests(); len(got) != 1 {
		t.Errorf("the pipe sent %d reports, want its own only: %v", len(got), got)
	}
	if got := files(t, filepath.Join(outbox, "new", "*.json")); len(got) != 3 {
		t.Errorf("%d reports waiting, want the backlog's 3", len(got))
	}
	// A receiver that never answers: the pipe stops at --report-timeout, its report queued.
	recv.mu.Lock()
	recv.hold = make(chan struct{})
	recv.mu.Unlock()
	defer close(recv.hold)
	if exit, stderr := runRebound(t, withMessageID(realDSN(t, 1), "own-2@x"), "pipe", "--report-url", srv.URL, "--outbox", outbox, "--report-timeout", "500ms"); exit != 0 {
		t.Fatalf("hanging receiver: exit %d: %s", exit, stderr)
	}
	if got := files(t, filepath.Join(outbox, "new", "*.json")); len(got) != 4 {
		t.Errorf("%d reports waiting, want 4", len(got))
	}
	// flush stops at its --deadline however many reports wait; they stay queued.
	if exit, _ := runRebound(t, nil, "flush", "--now", "--report-url", srv.URL, "--outbox", outbox, "--report-timeout", "1h", "--deadline", "500ms"); exit == 0 {
		t.Errorf("flush stopped by its deadline exited 0")
	}
	if got := files(t, filepath.Join(outbox, "new", "*.json")); len(got) != 4 {
		t.Errorf("%d reports waiting after the flush's deadline, want 4", len(got))
	}
	if got := files(t, filepath.Join(outbox, "cur", "*")); len(got) != 0 {
		t.Errorf("claims left: %v", got)
	}
}
