package pipe_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// switchable is a receiver whose answer the test changes: it records every request's answer
// and the ids it accepted.
type switchable struct {
	mu       sync.Mutex
	code     int
	answered []int
	accepted map[string]int
}

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answered = append(s.answered, s.code)
	if s.code == 200 {
		var rep struct{ ID string }
		json.Unmarshal(body, &rep)
		s.accepted[rep.ID]++
	}
	if s.code == 403 {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(403)
		io.WriteString(w, `{"message":"invalid API credentials"}`)
		return
	}
	w.WriteHeader(s.code)
}

func (s *switchable) set(code int) { s.mu.Lock(); s.code = code; s.mu.Unlock() }

func (s *switchable) state() (answered []int, accepted map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	accepted = map[string]int{}
	for k, v := range s.accepted {
		accepted[k] = v
	}
	return append([]int(nil), s.answered...), accepted
}

// TestPostfixDefersOnConfigError runs rebound pipe from a real Postfix, without an outbox, against
// a receiver that answers 403 (a wrong token): rebound exits 75, Postfix defers the bounce (not
// bounced, not lost) and logs the fix. Once the receiver accepts, a queue flush delivers it.
func TestPostfixDefersOnConfigError(t *testing.T) {
	recv := &switchable{code: 403, accepted: map[string]int{}}
	srv := httptest.NewServer(recv)
	t.Cleanup(srv.Close)

	work := testmta.WorldDir(t, "rebound-configerror-")
	config := filepath.Join(work, "rebound.yaml")
	if err := os.WriteFile(config, []byte("report-url: "+srv.URL+"/hook\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	service, err := os.ReadFile("../contrib/postfix/master.cf")
	if err != nil {
		t.Fatal(err)
	}
	services := strings.NewReplacer("/usr/local/bin/rebound", reboundBin, "/etc/rebound/rebound.yaml", config, "user=rebound", "user=nobody").Replace(string(service))
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{Transports: "bounce.test=rebound:", Services: services})

	msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <nouser@remote.test>\r\nSubject: news\r\nMessage-ID: <%d.cfg@lists.test>\r\nX-Campaign-ID: camp-9\r\n\r\nHello.\r\n", time.Now().UnixNano())
	if err := pf.Send("bounces+nouser=remote.test@bounce.test", []string{"nouser@remote.test"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	waitFor := func(what string, within time.Duration, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(within)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s never happened\n%s", what, pf.Log())
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	// The bounce reaches rebound, which is refused with 403 at least twice: Postfix retried.
	waitFor("two deferrals", 60*time.Second, func() bool {
		answered, _ := recv.state()
		return len(answered) >= 2 && strings.Count(pf.Log(), "relay=rebound, ") >= 2
	})
	log := pf.Log()
	if !strings.Contains(log, "status=deferred") || strings.Contains(log, "status=bounced (Command") {
		t.Fatalf("Postfix did not defer the bounce:\n%s", log)
	}
	deferral := ""
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "relay=rebound") && strings.Contains(line, "status=deferred") {
			deferral = line
		}
	}
	if !strings.Contains(deferral, "403") {
		t.Errorf("Postfix's log does not tell the 403 (the first line of rebound's stderr):\n%s", log)
	}
	t.Logf("deferral: %s", deferral)
	if _, accepted := recv.state(); len(accepted) != 0 {
		t.Fatalf("accepted while refusing: %v", accepted)
	}

	// Fixed: the next delivery attempt (forced by a queue flush) reports the bounce.
	recv.set(200)
	if out, err := exec.Command("postqueue", "-c", filepath.Join(pf.Dir, "etc"), "-f").CombinedOutput(); err != nil {
		t.Logf("postqueue -f: %v %s (Postfix retries by itself within seconds)", err, out)
	}
	waitFor("the report", 60*time.Second, func() bool {
		_, accepted := recv.state()
		return len(accepted) == 1
	})
	waitFor("Postfix's delivery to rebound", 30*time.Second, func() bool {
		return strings.Contains(pf.Log(), "status=sent (delivered via rebound service")
	})
	answered, accepted := recv.state()
	for id, n := range accepted {
		if n != 1 {
			t.Errorf("report %s accepted %d times", id, n)
		}
	}
	t.Logf("receiver answers: %v", answered)
}
