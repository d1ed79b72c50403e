package feedback

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// docBlock returns the code block that follows marker in docs/reporting.md.
func docBlock(t *testing.T, marker string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "reporting.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "<!-- "+marker+" -->")
	if !ok {
		t.Fatalf("docs/reporting.md has no %s block", marker)
	}
	_, code, _ := strings.Cut(after, "\n```")
	_, code, _ = strings.Cut(code, "\n") // the language name
	code, _, ok = strings.Cut(code, "```")
	if !ok {
		t.Fatalf("%s block not closed", marker)
	}
	return code
}

// signedRequest sends a report with a secret and returns the body, timestamp and signature the
// receiver got.
func signedRequest(t *testing.T, secret string) (body []byte, ts, sig string) {
	t.Helper()
	rc := &receiver{}
	s := newSender(t, HTTPConfig{Secret: secret}, rc)
	r := Build(sampleBounce(), BuildOptions{})[0]
	r.Diagnostic = "550 5.1.1 <gone@example.com>: it's \"gone\" $HOME `x` \\ é"
	if err := s.Send(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	req := rc.requests[0]
	return rc.bodies[0], req.Header.Get(TimestampHeader), req.Header.Get(SignatureHeader)
}

// TestSignatureCoversTimestamp: the signature binds the body to the time of the request; a
// changed body, another timestamp or a stale one fail.
func TestSignatureCoversTimestamp(t *testing.T) {
	body, ts, sig := signedRequest(t, "s3cret")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > time.Minute {
		t.Fatalf("X-Rebound-Timestamp %q is not the time of the request", ts)
	}
	now := time.Unix(sec, 0)
	if err := Verify("s3cret", sig, ts, body, now); err != nil {
		t.Fatalf("valid request refused: %v", err)
	}
	tests := []struct {
		name            string
		secret, sig, ts string
		body            []byte
		now             time.Time
	}{
		{"other secret", "other", sig, ts, body, now},
		{"changed body", "s3cret", sig, ts, append([]byte(nil), append(body, ' ')...), now},
		{"other timestamp", "s3cret", sig, strconv.FormatInt(sec+1, 10), body, now.Add(time.Second)},
		{"replayed after the window", "s3cret", sig, ts, body, now.Add(SignatureWindow + time.Second)},
		{"from the future", "s3cret", sig, ts, body, now.Add(-SignatureWindow - time.Second)},
		{"body-only signature", "s3cret", bodyOnlySignature("s3cret", body), ts, body, now},
	}
	for _, tt := range tests {
		if err := Verify(tt.secret, tt.sig, tt.ts, tt.body, tt.now); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}

// bodyOnlySignature is what rebound used to send: an HMAC of the body alone, replayable forever.
func bodyOnlySignature(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// TestSignatureAsDocumented runs the verification recipes of docs/reporting.md on a real
// request: the openssl one-liner prints the signature header, the Python function accepts the
// request and refuses it replayed 10 minutes later.
func TestSignatureAsDocumented(t *testing.T) {
	const secret = "s3cret with spaces"
	body, ts, sig := signedRequest(t, secret)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "body.json"), body, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("openssl", func(t *testing.T) {
		if _, err := exec.LookPath("openssl"); err != nil {
			t.Skip("openssl not installed")
		}
		cmd := exec.Command("/bin/sh", "-c", docBlock(t, "signature-sh"))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "secret="+secret, "ts="+ts)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != sig {
			t.Errorf("openssl recipe gives %q, header is %q", got, sig)
		}
	})
	t.Run("python", func(t *testing.T) {
		if _, err := exec.LookPath("python3"); err != nil {
			t.Skip("python3 not installed")
		}
		old, _ := strconv.ParseInt(ts, 10, 64)
		stale := strconv.FormatInt(old-600, 10)
		script := docBlock(t, "signature-python") + `
import sys
body = open("body.json", "rb").read()
secret = sys.argv[1].encode()
print(verify(secret, sys.argv[2], sys.argv[3], body), verify(secret, sys.argv[4], sys.argv[5], body))
`
		cmd := exec.Command("python3", "-c", script, secret, ts, sig, stale, Sign(secret, stale, body))
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if got := strings.TrimSpace(string(out)); got != "True False" {
			t.Errorf("python recipe: fresh, stale = %s, want True False", got)
		}
	})
}
