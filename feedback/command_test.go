package feedback

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandSenderHidesSecrets: a report command sees the report's variables and the ordinary
// environment, never rebound's passwords, tokens and secrets.
func TestCommandSenderHidesSecrets(t *testing.T) {
	secrets := map[string]string{
		"REBOUND_IMAP_PASSWORD": "imap-pw", "REBOUND_REPORT_SECRET": "hmac-secret",
		"REBOUND_REPORT_TOKEN": "api:tok", "REBOUND_REPORT_PASSWORD": "basic-pw",
		"REBOUND_REPORT_TOKEN_FILE": "/etc/rebound/token",
	}
	for k, v := range secrets {
		t.Setenv(k, v)
	}
	t.Setenv("REBOUND_OUTBOX", "/var/spool/rebound")
	t.Setenv("LANG_FOR_TEST", "kept")
	out := filepath.Join(t.TempDir(), "env")
	s := &CommandSender{Command: "env > " + out}
	if err := s.Send(context.Background(), Report{ID: "abc", Type: "hard", Email: "a@example.com"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	env := string(b)
	for k, v := range secrets {
		if strings.Contains(env, k+"=") || strings.Contains(env, v) {
			t.Errorf("the command inherited %s", k)
		}
	}
	for _, want := range []string{"REBOUND_REPORT_ID=abc", "REBOUND_REPORT_TYPE=hard", "REBOUND_REPORT_EMAIL=a@example.com", "REBOUND_OUTBOX=/var/spool/rebound", "LANG_FOR_TEST=kept"} {
		if !strings.Contains(env, want+"\n") {
			t.Errorf("environment lacks %s:\n%s", want, env)
		}
	}
}

// TestCommandSenderNULIsPermanent: a report whose address holds a NUL byte cannot be put in the
// environment; it is refused for good (not retried forever) and the command does not run.
func TestCommandSenderNULIsPermanent(t *testing.T) {
	ran := filepath.Join(t.TempDir(), "ran")
	s := &CommandSender{Command: "touch " + ran}
	err := s.Send(context.Background(), Report{ID: "abc", Type: "hard", Email: "a\x00b@example.com"})
	if err == nil || !IsPermanent(err) {
		t.Fatalf("err %v, want a permanent refusal", err)
	}
	if _, err := os.Stat(ran); err == nil {
		t.Error("the command ran")
	}
}
