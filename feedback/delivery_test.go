package feedback

import (
	"context"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestStatusCodeKinds(t *testing.T) {
	tests := []struct {
		code int
		want string // delivered, temporary, config, permanent
	}{
		{200, "delivered"}, {202, "delivered"}, {204, "delivered"},
		{400, "permanent"}, {413, "permanent"}, {422, "permanent"},
		{401, "config"}, {403, "config"}, {404, "config"}, {405, "config"}, {407, "config"},
		{410, "config"}, {415, "config"}, {418, "config"}, {501, "config"},
		{300, "config"}, {301, "config"}, {302, "config"}, {303, "config"}, {307, "config"}, {308, "config"},
		{408, "temporary"}, {429, "temporary"}, {500, "temporary"}, {502, "temporary"}, {503, "temporary"}, {504, "temporary"},
	}
	for _, tt := range tests {
		rc := &receiver{codes: []int{tt.code}}
		s := newSender(t, HTTPConfig{}, rc)
		err := s.Send(context.Background(), Report{ID: "x", Email: "a@example.com", Type: "hard"})
		got := "delivered"
		if err != nil {
			got = KindOf(err).String()
		}
		if got != tt.want {
			t.Errorf("HTTP %d: %s (%v), want %s", tt.code, got, err, tt.want)
		}
		if c, ok := AsConfig(err); ok && c.Fix == "" {
			t.Errorf("HTTP %d: a configuration error that says nothing about the fix: %v", tt.code, err)
		}
	}
}

func TestConnectionErrorIsTemporary(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	s, err := NewHTTPSender(HTTPConfig{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), Report{ID: "x"})
	if err == nil || KindOf(err) != KindTemporary {
		t.Errorf("closed port: %v (%v)", err, KindOf(err))
	}
}

// trap is a receiver that must never be reached: it records whatever arrives.
type trap struct {
	mu   sync.Mutex
	hits []string
}

func (tr *trap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.hits = append(tr.hits, r.Method+" "+r.URL.Path+" auth="+r.Header.Get("Authorization")+" sig="+r.Header.Get("X-Rebound-Signature"))
	w.WriteHeader(200)
}

func (tr *trap) got() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return append([]string(nil), tr.hits...)
}

// TestRedirectsAreNeverFollowed has a real HTTPS receiver answer every redirect code, towards its
// own host, towards plain http:// and towards another host: the report fails as a configuration
// error naming the target, and the target receives nothing — no body, token or signature.
func TestRedirectsAreNeverFollowed(t *testing.T) {
	target := &trap{}
	plain := httptest.NewServer(target) // http://127.0.0.1:port
	t.Cleanup(plain.Close)
	other := strings.Replace(plain.URL, "127.0.0.1", "localhost", 1) // another host name

	var mu sync.Mutex
	var origin []string
	var location string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path != "/hook" {
			target.ServeHTTP(w, r) // the same-host target is a trap too
			return
		}
		origin = append(origin, r.Method)
		code, _ := strconv.Atoi(r.URL.Query().Get("code"))
		w.Header().Set("Location", location)
		w.WriteHeader(code)
	}))
	t.Cleanup(srv.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{
		"same host": srv.URL + "/elsewhere",
		"http":      plain.URL + "/hook",
		"other":     other + "/hook",
	}
	for name, loc := range targets {
		for _, code := range []int{301, 302, 303, 307, 308} {
			mu.Lock()
			location, origin = loc, nil
			mu.Unlock()
			s, err := NewHTTPSender(HTTPConfig{URL: srv.URL + "/hook?code=" + strconv.Itoa(code), CAFile: ca,
				Token: "s3cret-token", Secret: "signing-secret"})
			if err != nil {
				t.Fatal(err)
			}
			err = s.Send(context.Background(), Report{ID: "r1", Email: "jane@example.com", Type: "hard"})
			c, ok := AsConfig(err)
			if !ok {
				t.Errorf("%s %d: %v, want a configuration error", name, code, err)
				continue
			}
			if !strings.Contains(c.Fix, loc) {
				t.Errorf("%s %d: the fix %q does not name the target %s", name, code, c.Fix, loc)
			}
			mu.Lock()
			if len(origin) != 1 || origin[0] != http.MethodPost {
				t.Errorf("%s %d: requests at the configured URL: %v", name, code, origin)
			}
			mu.Unlock()
		}
	}
	if hits := target.got(); len(hits) > 0 {
		t.Errorf("redirect targets were reached: %v", hits)
	}
}

func TestCommandSenderExitKinds(t *testing.T) {
	tests := []struct {
		cmd  string
		want string
	}{
		{"exit 0", "delivered"},
		{"exit 65", "permanent"},
		{"exit 78", "config"},
		{"exit 77", "config"},
		{"exit 64", "config"},
		{"/nonexistent/report-tool", "config"}, // 127
		{"exit 1", "temporary"},
		{"exit 75", "temporary"},
	}
	for _, tt := range tests {
		err := (&CommandSender{Command: tt.cmd}).Send(context.Background(), Report{ID: "abc"})
		got := "delivered"
		if err != nil {
			got = KindOf(err).String()
		}
		if got != tt.want {
			t.Errorf("%q: %s (%v), want %s", tt.cmd, got, err, tt.want)
		}
	}
}

// TestCommandSenderTimeoutKillsGroup runs a command that starts a long child and waits for it:
// the timeout ends the send with a temporary error, and kills the child too.
func TestCommandSenderTimeoutKillsGroup(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	c := &CommandSender{Command: "sleep 300 & echo $! > " + pidFile + "; wait", Timeout: 300 * time.Millisecond}
	err := c.Send(context.Background(), Report{ID: "abc"})
	if err == nil || KindOf(err) != KindTemporary {
		t.Fatalf("err %v (%v), want a temporary error", err, KindOf(err))
	}
	b, rerr := os.ReadFile(pidFile)
	pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
	if rerr != nil || perr != nil {
		t.Fatalf("the command did not start its child: %v %v", rerr, perr)
	}
	// The grandchild was sent SIGKILL with its group; wait for it to be gone (or a zombie).
	deadline := time.Now().Add(10 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the command's child %d outlived the timeout", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the command name in parentheses.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// check's probe fails on a redirect, naming the address to configure.
func TestProbeRefusesRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://app.example.org/final/hook", http.StatusMovedPermanently)
	}))
	t.Cleanup(srv.Close)
	s, err := NewHTTPSender(HTTPConfig{URL: srv.URL + "/hook"})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Probe(context.Background())
	if !IsConfig(err) || !strings.Contains(err.Error(), "https://app.example.org/final/hook") {
		t.Errorf("probe of a redirect: %v", err)
	}
}
