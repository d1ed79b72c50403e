package pipe_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rebound/rebound/internal/testmta"
)

// TestPostfixDefersOnBrokenConfig: with a broken configuration, `rebound pipe` must make the real
// Postfix defer the bounce (exit 75, one line naming the fault), never bounce it to <> and lose
// it; once the configuration is fixed, the deferred bounce is delivered and reported.
func TestPostfixDefersOnBrokenConfig(t *testing.T) {
	postqueue := testmta.Require(t, "postqueue")
	hook := testmta.NewWebhook(t)
	services, archive := pipeService(t, hook, "bounces+{local}={domain}@bounce.test")
	configFile := filepath.Join(filepath.Dir(archive), "rebound.yaml")
	good, err := os.ReadFile(configFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(configFile, append(append([]byte{}, good...), "report-timeout: banana\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{Transports: "bounce.test=rebound:", Services: services})

	msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <nouser@remote.test>\r\nSubject: November news\r\nMessage-ID: <%d.broken-config@lists.test>\r\nX-Campaign-ID: nov-2026\r\n\r\nHello.\r\n", time.Now().UnixNano())
	if err := pf.Send("bounces+nouser=remote.test@bounce.test", []string{"nouser@remote.test"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	// rebound's deliveries, as Postfix logs them.
	deliveries := func() []string {
		var out []string
		for _, l := range strings.Split(pf.Log(), "\n") {
			if strings.Contains(l, "relay=rebound") {
				out = append(out, l)
			}
		}
		return out
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(45 * time.Second); !ok(); time.Sleep(200 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no %s after 45 s:\n%s", what, pf.Log())
			}
		}
	}
	deferred := func() bool {
		for _, l := range deliveries() {
			if strings.Contains(l, "status=deferred") {
				return true
			}
		}
		return false
	}
	waitFor("deferral by rebound", deferred)
	var line string
	for _, l := range deliveries() {
		if strings.Contains(l, "status=deferred") {
			line = l
		}
	}
	if !strings.Contains(line, `report-timeout: expected duration but got "banana"`) || !strings.Contains(line, "fix the configuration") {
		t.Errorf("the deferral does not name the fault and the fix: %s", line)
	}
	if got := hook.Reports(); len(got) != 0 {
		t.Fatalf("reported with a broken configuration: %+v", got)
	}

	// Fixed: the next queue run delivers the bounce to rebound, which reports it.
	if err := os.WriteFile(configFile, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(postqueue, "-c", filepath.Join(pf.Dir, "etc"), "-f").CombinedOutput(); err != nil {
		t.Fatalf("postqueue -f: %v\n%s", err, out)
	}
	waitFor("report", func() bool { return len(hook.Reports()) > 0 })
	hook.Expect(t, []testmta.Report{{Type: "hard", Email: "nouser@remote.test", Reason: "userunknown", Campaign: "nov-2026"}}, pf.Log)
	waitFor("delivery to rebound", func() bool {
		return strings.Contains(strings.Join(deliveries(), "\n"), "status=sent (delivered via rebound service")
	})
	for _, l := range deliveries() {
		if strings.Contains(l, "status=bounced") {
			t.Errorf("Postfix bounced the bounce: %s", l)
		}
	}
}
