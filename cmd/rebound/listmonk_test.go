package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// TestCheckListmonkCredentials: `rebound check` with the listmonk format asks listmonk's
// /api/health with the credentials, so a wrong token fails the check (an OPTIONS probe passed
// it: listmonk answers 404 to OPTIONS whatever the token).
func TestCheckListmonkCredentials(t *testing.T) {
	lm := testmta.NewListmonk(t)
	for _, tt := range []struct {
		token, want string
		ok          bool
	}{
		{lm.Token(), "ok    report endpoint", true},
		{lm.User + ":wrong", "listmonk refused the API credentials", false},
	} {
		cmd := exec.Command(reboundBin, "check", "--report-url", lm.URL(), "--report-format", "listmonk")
		cmd.Env = append(os.Environ(), "REBOUND_REPORT_TOKEN="+tt.token)
		out, err := cmd.CombinedOutput()
		if (err == nil) != tt.ok || !strings.Contains(string(out), tt.want) {
			t.Errorf("token %s: %v\n%s", tt.token, err, out)
		}
	}
	if len(lm.Bounces()) != 0 || len(lm.Dropped()) != 0 {
		t.Error("check recorded a bounce")
	}
}
