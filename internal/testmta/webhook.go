package testmta

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"sync"
	"testing"
)

// Report is what the test webhook records of each report.
type Report struct {
	ID, Type, Email, Reason, Campaign string
}

// Webhook is an HTTP receiver on 127.0.0.1 that records the reports it accepts, keyed by their
// Idempotency-Key, and can first answer with given status codes.
type Webhook struct {
	mu      sync.Mutex
	codes   []int
	reports map[string]Report
	dups    int
	posts   int
	srv     *httptest.Server
}

// NewWebhook starts a receiver that answers codes first, then 204.
func NewWebhook(t testing.TB, codes ...int) *Webhook {
	w := &Webhook{codes: codes, reports: map[string]Report{}}
	w.srv = httptest.NewServer(w)
	t.Cleanup(w.srv.Close)
	return w
}

// URL is where to post.
func (w *Webhook) URL() string { return w.srv.URL + "/hook" }

func (w *Webhook) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.posts++
	if len(w.codes) > 0 {
		code := w.codes[0]
		w.codes = w.codes[1:]
		rw.WriteHeader(code)
		return
	}
	var rep Report
	if err := json.Unmarshal(body, &rep); err != nil || rep.ID != r.Header.Get("Idempotency-Key") {
		rw.WriteHeader(400)
		return
	}
	if _, dup := w.reports[rep.ID]; dup {
		w.dups++
	}
	w.reports[rep.ID] = rep
	rw.WriteHeader(204)
}

// Reports returns the distinct reports accepted.
func (w *Webhook) Reports() []Report {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []Report
	for _, r := range w.reports {
		out = append(out, r)
	}
	return out
}

// Expect checks that the reports accepted are exactly want (in any order; ids not compared),
// telling what went on (a server's log) when they are not.
func (w *Webhook) Expect(t testing.TB, want []Report, log func() string) {
	t.Helper()
	got := w.Reports()
	sort.Slice(got, func(i, j int) bool { return got[i].Email < got[j].Email })
	want = slices.Clone(want)
	sort.Slice(want, func(i, j int) bool { return want[i].Email < want[j].Email })
	if len(got) != len(want) {
		t.Fatalf("webhook received %d reports, want %d: %+v\nlog:\n%s", len(got), len(want), got, log())
	}
	for i := range want {
		g := got[i]
		g.ID = ""
		if g != want[i] {
			t.Errorf("report %d = %+v, want %+v", i, g, want[i])
		}
	}
}

// Duplicates counts the reports received again with an id already accepted.
func (w *Webhook) Duplicates() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.dups
}

// Posts counts every request, accepted or not.
func (w *Webhook) Posts() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.posts
}
