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

// TestPostfixHistoryHandedOver: contrib/postfix/master.cf runs rebound-pipe, the pipe-only build
// without the history back-ends; with a history in the configuration it hands the bounce over to
// the full rebound beside it. Through a real Postfix, the report must reach the webhook and the
// history must hold the dead address.
func TestPostfixHistoryHandedOver(t *testing.T) {
	hook := testmta.NewWebhook(t)
	histDir := testmta.WorldDir(t, "rebound-history-")
	os.Chown(histDir, 65534, 65534) // nobody, the pipe's user
	history := filepath.Join(histDir, "history.db")
	services, _ := pipeServiceWith(t, hook, history, "bounces+{local}={domain}@bounce.test")
	if !strings.Contains(services, reboundBin+"-pipe ") {
		t.Fatalf("contrib/postfix/master.cf does not run rebound-pipe:\n%s", services)
	}
	pf := testmta.StartPostfix(t, testmta.PostfixConfig{Transports: "bounce.test=rebound:", Services: services})

	msg := fmt.Sprintf("From: News <news@lists.test>\r\nTo: <gone@remote.test>\r\nSubject: news\r\nMessage-ID: <%d.handover@lists.test>\r\nX-Campaign-ID: camp-h\r\n\r\nHello.\r\n", time.Now().UnixNano())
	if err := pf.Send("bounces+gone=remote.test@bounce.test", []string{"gone@remote.test"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	want := []testmta.Report{{Type: "hard", Email: "gone@remote.test", Reason: "userunknown", Campaign: "camp-h"}}
	deadline := time.Now().Add(60 * time.Second)
	for len(hook.Reports()) < len(want) && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	hook.Expect(t, want, pf.Log)
	out, err := exec.Command(reboundBin, "suppressions", "list", "--history", history).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "gone@remote.test") || !strings.Contains(string(out), "userunknown") {
		t.Errorf("the history does not hold the dead address (%v):\n%s\n%s", err, out, pf.Log())
	}
}
