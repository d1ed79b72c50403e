package outbox

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rebound/rebound/feedback"
)

// counter is a webhook that counts the reports it accepted, by Idempotency-Key.
type counter struct {
	mu      sync.Mutex
	seen    map[string]int
	total   int           // requests answered, whatever the answer
	codes   []int         // answers before 200
	block   chan struct{} // when set, requests wait for it (never answered if never closed)
	arrived chan string
	// abandoned receives the id of a request whose client went away while it waited.
	abandoned chan string
}

func newCounter() *counter {
	return &counter{seen: map[string]int{}, arrived: make(chan string, 1000), abandoned: make(chan string, 1000)}
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	id := r.Header.Get("Idempotency-Key")
	select {
	case c.arrived <- id:
	default:
	}
	if c.block != nil {
		select {
		case <-c.block:
		case <-r.Context().Done():
			c.abandoned <- id
			return
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	if len(c.codes) > 0 {
		code := c.codes[0]
		c.codes = c.codes[1:]
		w.WriteHeader(code)
		return
	}
	c.seen[id]++
	w.WriteHeader(200)
}

func (c *counter) counts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for k, v := range c.seen {
		out[k] = v
	}
	return out
}

// wantEachOnce fails t unless every report the receiver got came exactly once and, when want is
// not negative, want distinct reports came.
func (c *counter) wantEachOnce(t *testing.T, want int) {
	t.Helper()
	got := c.counts()
	if want >= 0 && len(got) != want {
		t.Errorf("%d distinct reports received, want %d: %v", len(got), want, got)
	}
	for id, k := range got {
		if k != 1 {
			t.Errorf("%s received %d times", id, k)
		}
	}
}

func serve(t *testing.T, h http.Handler) (feedback.Sender, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	s, err := feedback.NewHTTPSender(feedback.HTTPConfig{URL: srv.URL, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return s, srv.URL
}

func report(i int) feedback.Report {
	return feedback.Report{ID: fmt.Sprintf("r%04d", i), Type: "hard", Email: fmt.Sprintf("u%d@example.com", i)}
}

func TestEnqueueFlushOnce(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	ob, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		for j := 0; j < 2; j++ { // the same report queued twice
			if err := ob.Enqueue(report(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	st, err := ob.Flush(context.Background(), s)
	if err != nil || st.Delivered != 3 {
		t.Fatalf("stats %+v, err %v", st, err)
	}
	// Queued again after delivery (a rescan): not sent again.
	ob.Enqueue(report(1))
	if st, _ := ob.Flush(context.Background(), s); st.Delivered != 0 {
		t.Errorf("re-sent a delivered report: %+v", st)
	}
	c.wantEachOnce(t, 3)
}

func TestRetryThenDeliverOnce(t *testing.T) {
	c := newCounter()
	c.codes = []int{500}
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	ob.Enqueue(report(1))
	st, err := ob.Flush(context.Background(), s)
	if err == nil || st.Retry != 1 {
		t.Fatalf("first flush: %+v %v", st, err)
	}
	// Backoff: not due yet.
	if st, _ := ob.Flush(context.Background(), s); st.Waiting != 1 || st.Delivered != 0 {
		t.Fatalf("flush during backoff: %+v", st)
	}
	ob.RetryNow = true
	if st, err := ob.Flush(context.Background(), s); err != nil || st.Delivered != 1 {
		t.Fatalf("second flush: %+v %v", st, err)
	}
	if got := c.counts()["r0001"]; got != 1 {
		t.Errorf("received %d times", got)
	}
}

func TestPermanentRejectionGoesToFailed(t *testing.T) {
	c := newCounter()
	c.codes = []int{400}
	s, _ := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	ob.Enqueue(report(7))
	if st, _ := ob.Flush(context.Background(), s); st.Rejected != 1 {
		t.Fatalf("stats %+v", st)
	}
	if _, err := os.Stat(filepath.Join(dir, "failed", "r0007.json")); err != nil {
		t.Errorf("not kept in failed/: %v", err)
	}
	if w, f, _ := ob.Pending(); w != 0 || f != 1 {
		t.Errorf("pending %d failed %d", w, f)
	}
}

func TestConcurrentGoroutines(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	ob, _ := Open(t.TempDir())
	const n = 200
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(2)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += 4 { // every report queued by two writers
				if err := ob.Enqueue(report(i)); err != nil {
					t.Error(err)
				}
			}
		}(w % 4)
		go func() {
			defer wg.Done()
			ob.Flush(context.Background(), s)
		}()
	}
	wg.Wait()
	ob.Flush(context.Background(), s)
	c.wantEachOnce(t, n)
}

// The helper process: REBOUND_OUTBOX_CHILD=enqueue-flush|flush runs against the outbox and URL
// given in the environment.
func TestMain(m *testing.M) {
	if mode := os.Getenv("REBOUND_OUTBOX_CHILD"); mode != "" {
		os.Exit(child(mode))
	}
	os.Exit(m.Run())
}

func child(mode string) int {
	ob, err := Open(os.Getenv("REBOUND_OUTBOX_DIR"))
	if err != nil {
		return 2
	}
	s, err := feedback.NewHTTPSender(feedback.HTTPConfig{URL: os.Getenv("REBOUND_OUTBOX_URL"), Timeout: time.Minute})
	if err != nil {
		return 2
	}
	if mode == "enqueue-flush" {
		first, _ := strconv.Atoi(os.Getenv("REBOUND_OUTBOX_FIRST"))
		for i := first; i < first+50; i++ {
			if err := ob.Enqueue(report(i % 100)); err != nil {
				return 3
			}
			if i%10 == 0 {
				ob.Flush(context.Background(), s)
			}
		}
	}
	ob.Flush(context.Background(), s)
	return 0
}

func startChild(t *testing.T, mode, dir, url string, first int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "REBOUND_OUTBOX_CHILD="+mode, "REBOUND_OUTBOX_DIR="+dir,
		"REBOUND_OUTBOX_URL="+url, "REBOUND_OUTBOX_FIRST="+strconv.Itoa(first))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestConcurrentProcesses runs several processes that queue overlapping reports into one outbox
// and flush it at the same time: every report arrives, once.
func TestConcurrentProcesses(t *testing.T) {
	c := newCounter()
	_, url := serve(t, c)
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for p := 0; p < 6; p++ {
		cmds = append(cmds, startChild(t, "enqueue-flush", dir, url, p*25)) // 50 each, overlapping
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child: %v", err)
		}
	}
	c.wantEachOnce(t, 100)
}

// TestKilledDuringFlush kills a flushing process while the receiver holds its request; a later
// flush delivers every report exactly once.
func TestKilledDuringFlush(t *testing.T) {
	c := newCounter()
	c.block = make(chan struct{})
	_, url := serve(t, c)
	dir := t.TempDir()
	ob, _ := Open(dir)
	for i := 0; i < 5; i++ {
		ob.Enqueue(report(i))
	}
	cmd := startChild(t, "flush", dir, url, 0)
	select {
	case <-c.arrived: // the child is sending its first report
	case <-time.After(30 * time.Second):
		t.Fatal("the child never sent")
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	claimed, _ := filepath.Glob(filepath.Join(dir, "cur", "*.json.*"))
	if len(claimed) != 1 {
		t.Fatalf("claims left by the killed process: %v", claimed)
	}
	// The receiver sees the dead client's connection close before it answers anyone: the
	// killed process's request was never completed.
	select {
	case <-c.abandoned:
	case <-time.After(30 * time.Second):
		t.Fatal("the receiver never saw the killed process's connection close")
	}
	close(c.block)
	s, _ := feedback.NewHTTPSender(feedback.HTTPConfig{URL: url})
	if _, err := ob.Flush(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	c.wantEachOnce(t, 5)
	if w, _, _ := ob.Pending(); w != 0 {
		t.Errorf("%d reports still waiting", w)
	}
}

func TestReporterFallsBackToDirectSend(t *testing.T) {
	c := newCounter()
	s, _ := serve(t, c)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	// An outbox below a regular file cannot be written.
	r := &Reporter{Outbox: &Outbox{dir: filepath.Join(file, "outbox"), now: time.Now}, Sender: s}
	if err := r.Queue(context.Background(), []feedback.Report{report(1)}); err != nil {
		t.Fatal(err)
	}
	if c.counts()["r0001"] != 1 {
		t.Error("not delivered directly")
	}
	// Receiver down too: the error says nothing was kept.
	down, _ := feedback.NewHTTPSender(feedback.HTTPConfig{URL: "http://127.0.0.1:1/"})
	r.Sender = down
	if err := r.Queue(context.Background(), []feedback.Report{report(2)}); err == nil {
		t.Error("no error although the report was neither queued nor delivered")
	}
}
