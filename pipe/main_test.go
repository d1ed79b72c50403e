package pipe_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// reboundBin is the rebound binary, built once in a directory that the mail system's
// unprivileged users can reach.
var reboundBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rebound-bin-")
	if err != nil {
		panic(err)
	}
	os.Chmod(dir, 0o755)
	reboundBin = filepath.Join(dir, "rebound")
	if out, err := exec.Command("go", "build", "-o", reboundBin, "../cmd/rebound").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// receivedReport is what the test webhook records of each report.
type receivedReport struct {
	ID, Type, Email, Reason, Campaign string
}

// webhook is an HTTP receiver that records the reports it accepts (by Idempotency-Key) and can
// answer with given status codes first.
type webhook struct {
	mu      sync.Mutex
	codes   []int
	reports map[string]receivedReport
	posts   int
	srv     *httptest.Server
}

func newWebhook(t *testing.T, codes ...int) *webhook {
	w := &webhook{codes: codes, reports: map[string]receivedReport{}}
	w.srv = httptest.NewServer(w)
	t.Cleanup(w.srv.Close)
	return w
}

func (w *webhook) URL() string { return w.srv.URL + "/hook" }

func (w *webhook) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
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
	var rep receivedReport
	if err := json.Unmarshal(body, &rep); err != nil || rep.ID != r.Header.Get("Idempotency-Key") {
		rw.WriteHeader(400)
		return
	}
	if _, dup := w.reports[rep.ID]; dup {
		rep.ID = "DUPLICATE:" + rep.ID
	}
	w.reports[rep.ID] = rep
	rw.WriteHeader(204)
}

func (w *webhook) got() []receivedReport {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []receivedReport
	for _, r := range w.reports {
		out = append(out, r)
	}
	return out
}

// runRebound runs the binary with stdin and returns its exit code and stderr.
func runRebound(t *testing.T, stdin []byte, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(reboundBin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stderr.String()
}
