package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRefuseURLCredentials(t *testing.T) {
	tests := []struct {
		url     string
		refused bool
	}{
		{"https://api:s3cretpw@listmonk.example.org/webhooks/bounce", true},
		{"http://api@127.0.0.1:9000/hook", true},
		{"https://api:p%40ss@host.example/", true},
		{"https://api:p@ss@host.example/", true},
		{"https://host.example/hook", false},
		{"https://host.example/hook?to=a@b.example", false},
		{"https://host.example/a@b/hook", false},
		{"https://host.example#x@y", false},
	}
	for _, tt := range tests {
		err := refuseURLCredentials(tt.url)
		if (err != nil) != tt.refused {
			t.Errorf("%s: %v", tt.url, err)
		}
		if err != nil && (strings.Contains(err.Error(), "s3cretpw") || strings.Contains(err.Error(), "api") || strings.Contains(err.Error(), "ss@")) {
			t.Errorf("%s: the error shows the credentials: %v", tt.url, err)
		}
	}
}

// TestURLPasswordNeverShown: a password in --report-url is refused by every command, with a
// message pointing to the password and token options, and shows in no output or log.
func TestURLPasswordNeverShown(t *testing.T) {
	const url = "https://api:s3cretpw@127.0.0.1:1/webhooks/bounce"
	for _, args := range [][]string{
		{"check", "--report-url", url, "--insecure-skip-verify"},
		{"pipe", "--report-url", url, "--insecure-skip-verify"},
		{"flush", "--report-url", url, "--outbox", t.TempDir()},
		{"--log-format", "json", "pipe", "--report-url", url, "--report-format", "listmonk"},
	} {
		stdout, stderr, code := run(t, postfixBounce, args...)
		out := stdout + stderr
		if code == 0 || strings.Contains(out, "s3cretpw") || !strings.Contains(out, "--report-password-file") {
			t.Errorf("%v: exit %d:\n%s", args, code, out)
		}
		if args[0] == "pipe" && code != 75 {
			t.Errorf("pipe exit %d, want 75 (the MTA keeps the bounce)", code)
		}
	}
}

// TestLoosePermissionsWarn: a token file or a config file that others may read is used, with
// one warning naming it and the chmod that fixes it; 600 and 640 are quiet.
func TestLoosePermissionsWarn(t *testing.T) {
	dir := t.TempDir()
	token := filepath.Join(dir, "token")
	config := filepath.Join(dir, "rebound.yaml")
	os.WriteFile(token, []byte("api:key\n"), 0o600)
	os.WriteFile(config, []byte("log-level: info\n"), 0o600)
	tests := []struct {
		tokenMode, configMode os.FileMode
		warned                []string
	}{
		{0o600, 0o600, nil},
		{0o640, 0o640, nil},
		{0o644, 0o600, []string{token}},
		{0o600, 0o644, []string{config}},
		{0o620, 0o666, []string{config, token}},
	}
	for _, tt := range tests {
		os.Chmod(token, tt.tokenMode)
		os.Chmod(config, tt.configMode)
		cmd := exec.Command(reboundBin, "--config", config, "pipe", "--report-url", "https://127.0.0.1:1/hook", "--report-token-file", token, "--outbox", filepath.Join(dir, "outbox"))
		cmd.Stdin = strings.NewReader(postfixBounce)
		out, _ := cmd.CombinedOutput()
		var warnings []string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "level=WARN") && strings.Contains(l, "chmod 600") {
				warnings = append(warnings, l)
			}
		}
		if len(warnings) != len(tt.warned) {
			t.Errorf("token %o, config %o: %d warnings, want %d:\n%s", tt.tokenMode, tt.configMode, len(warnings), len(tt.warned), out)
			continue
		}
		for i, file := range tt.warned {
			if !strings.Contains(warnings[i], "chmod 600 "+file) {
				t.Errorf("warning %q does not name %s", warnings[i], file)
			}
		}
	}
}
