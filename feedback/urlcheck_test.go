package feedback

import (
	"context"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct{ url, err string }{
		{"https://example.com/hook", ""},
		{"http://127.0.0.1:8080/webhooks/bounce", ""},
		{"https://[::1]:443/x", ""},
		{"http://exa mple.com/", `report URL "http://exa mple.com/": a space at position 11`},
		{"https://example.com/a b", "a space at position 22"},
		{"https://example.com/\tx", "the character U+0009"},
		{"example.com/hook", "no scheme: write https://example.com/hook"},
		{"ftp://example.com/", `scheme "ftp": want http:// or https://`},
		{"https:///hook", "no host after https://"},
		{"https://example.com:99999/", `port "99999": want a number from 1 to 65535`},
		{"https://example.com:0/", `port "0"`},
		{"https://example.com:/", `port ""`},
		{"https://example.com:http/", "invalid port"},
		{"", "empty"},
	} {
		_, err := CheckURL(tc.url)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.url, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: got %v, want %q", tc.url, err, tc.err)
		}
	}
}

// TestCertificateNotTrusted: a receiver whose certificate is signed by an unknown CA is a
// configuration error that names --report-ca-file, both when sending and when probing.
func TestCertificateNotTrusted(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	s, err := NewHTTPSender(HTTPConfig{URL: srv.URL, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), Report{ID: "r1", Email: "a@example.com", Type: TypeHard})
	if !IsConfig(err) || !strings.Contains(err.Error(), "--report-ca-file") {
		t.Errorf("send: %v", err)
	}
	if err := s.Probe(context.Background()); err == nil || !strings.Contains(err.Error(), "--report-ca-file") {
		t.Errorf("probe: %v", err)
	}
	// With the CA, it is trusted.
	ca := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644)
	s, err = NewHTTPSender(HTTPConfig{URL: srv.URL, CAFile: ca, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), Report{ID: "r1", Email: "a@example.com", Type: TypeHard}); err != nil {
		t.Errorf("with --report-ca-file: %v", err)
	}
}
