package pipe_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// listmonkVariant rewrites an example bounce for listmonk: another bounce Message-ID (another
// report id), another failed address, and listmonk's own headers in the returned original.
func listmonkVariant(t *testing.T, example, bounceID, oldAddr, newAddr, oldCampaignHeader, campaign, subscriber string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	headers := "X-Listmonk-Campaign: " + campaign
	if subscriber != "" {
		headers += "\nX-Listmonk-Subscriber: " + subscriber
	}
	s := string(b)
	for _, old := range []string{bounceID, oldAddr, oldCampaignHeader} {
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", example, old)
		}
	}
	s = strings.NewReplacer(bounceID, "v-"+newAddr+"-"+bounceID, oldAddr, newAddr, oldCampaignHeader, headers).Replace(s)
	return []byte(s)
}

// TestListmonkThroughPipe: hard, soft and complaint bounces whose campaign id is a listmonk UUID
// or not, each piped twice (an MTA redelivery) with an outbox, into a receiver that behaves as
// listmonk v6.2.0: every bounce is recorded once, none dropped, none counted twice (a soft
// bounce counted twice would blocklist its subscriber).
func TestListmonkThroughPipe(t *testing.T) {
	lm := testmta.NewListmonk(t)
	camp := lm.AddCampaign("November")
	kinds := []struct {
		typ, example, bounceID, addr, campaignHeader string
	}{
		{"hard", "postfix-user-unknown.eml", "20261122142618.0A31E984F17@mx.test.example", "nouser@remote.test", "X-Campaign-ID: camp-7"},
		{"soft", "exim-mailbox-full.eml", "E1rBounce-0001xY-2Q@mx1.example.org", "carol@example.net", "X-Campaign-ID: nov-2026"},
		{"complaint", "arf-complaint.eml", "fbl-20261105-0042@isp.example", "erin@isp.example", "X-Campaign-ID: nov-2026"},
	}
	type expect struct{ subscriber, typ, campaign string }
	var messages [][]byte
	var want []expect
	for _, k := range kinds {
		// A UUID campaign, and the subscriber named by its UUID though the address bounced is
		// a forward of it.
		bounced := k.typ + ".forward@example.org"
		sub := lm.AddSubscriber(k.typ + "@lists.example")
		messages = append(messages, listmonkVariant(t, k.example, k.bounceID, k.addr, bounced, k.campaignHeader, camp, sub))
		want = append(want, expect{k.typ + "@lists.example", k.typ, "November"})
		// A campaign id that is no UUID (nov-2026), the subscriber found by address.
		bounced = k.typ + ".plain@example.org"
		lm.AddSubscriber(bounced)
		messages = append(messages, listmonkVariant(t, k.example, k.bounceID, k.addr, bounced, k.campaignHeader, "nov-2026", ""))
		want = append(want, expect{bounced, k.typ, ""})
	}
	outbox := filepath.Join(t.TempDir(), "outbox")
	env := []string{"REBOUND_REPORT_TOKEN=" + lm.Token()}
	args := []string{"pipe", "--report-url", lm.URL(), "--report-format", "listmonk", "--outbox", outbox}
	for round := range 2 {
		for i, m := range messages {
			if code, stderr := testmta.Run(t, reboundBin, env, m, args...); code != 0 {
				t.Fatalf("round %d, message %d: exit %d: %s", round, i, code, stderr)
			}
		}
	}
	if code, stderr := testmta.Run(t, reboundBin, env, nil, "flush", "--now", "--report-url", lm.URL(), "--report-format", "listmonk", "--outbox", outbox); code != 0 {
		t.Fatalf("flush exit %d: %s", code, stderr)
	}
	if d := lm.Dropped(); len(d) != 0 {
		t.Errorf("listmonk answered 200 and dropped %+v", d)
	}
	got := lm.Bounces()
	if len(got) != len(want) {
		t.Fatalf("listmonk recorded %d bounces, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := got[i]; g.Subscriber != w.subscriber || g.Type != w.typ || g.Campaign != w.campaign || g.CreatedAt.IsZero() {
			t.Errorf("bounce %d = %+v, want %+v", i, g, w)
		}
		if s := lm.Subscriber(w.subscriber); s.Bounces[w.typ] != 1 || w.typ == "soft" && s.Status != "enabled" {
			t.Errorf("%s: %v bounces, %s: counted more than once", w.subscriber, s.Bounces, s.Status)
		}
	}
}
