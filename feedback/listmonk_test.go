package feedback

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/rebound/rebound/internal/testmta"
)

// TestListmonkRecordsEveryBounce: hard, soft and complaint reports, with a campaign id that is a
// listmonk UUID and one that is not, all reach the faithful listmonk and are recorded (none
// dropped after its 200); the subscriber UUID wins over a forwarded address.
func TestListmonkRecordsEveryBounce(t *testing.T) {
	lm := testmta.NewListmonk(t)
	camp := lm.AddCampaign("November")
	s, err := NewHTTPSender(HTTPConfig{URL: lm.URL(), Format: FormatListmonk, Token: lm.Token()})
	if err != nil {
		t.Fatal(err)
	}
	var reports []Report
	for _, c := range []struct{ typ, campaign string }{
		{"hard", camp}, {"hard", "nov-2026"}, {"soft", camp}, {"soft", "camp-7"}, {"complaint", camp}, {"complaint", "42"},
	} {
		email := c.typ + "-" + strings.ReplaceAll(c.campaign, "-", "") + "@example.com"
		lm.AddSubscriber(email)
		reports = append(reports, Report{ID: email, Type: c.typ, Email: email, Campaign: c.campaign, BouncedAt: "2026-11-03T07:12:44Z"})
	}
	jane := lm.AddSubscriber("jane@example.com")
	reports = append(reports, Report{ID: "fwd", Type: "hard", Email: "jane@forward.example.net", Subscriber: jane})
	for _, r := range reports {
		if err := s.Send(context.Background(), r); err != nil {
			t.Fatalf("%s: %v", r.Email, err)
		}
	}
	if d := lm.Dropped(); len(d) != 0 {
		t.Errorf("listmonk dropped %+v", d)
	}
	got := lm.Bounces()
	if len(got) != len(reports) {
		t.Fatalf("%d bounces recorded, want %d", len(got), len(reports))
	}
	for i, b := range got[:6] {
		wantCampaign := ""
		if i%2 == 0 {
			wantCampaign = "November"
		}
		if b.Subscriber != reports[i].Email || b.Type != reports[i].Type || b.Campaign != wantCampaign || b.CreatedAt.Format("2006-01-02T15:04:05Z07:00") != "2026-11-03T07:12:44Z" {
			t.Errorf("bounce %d = %+v, for report %+v", i, b, reports[i])
		}
		if i%2 == 1 && b.Meta["campaign"] != reports[i].Campaign {
			t.Errorf("bounce %d: the campaign is not in meta: %v", i, b.Meta)
		}
	}
	if got[6].Subscriber != "jane@example.com" {
		t.Errorf("forwarded address recorded for %q, want the subscriber by UUID", got[6].Subscriber)
	}
}

// TestListmonkProbe: check finds wrong credentials (which OPTIONS never showed), a role without
// webhooks:post_bounce, webhooks or bounce processing turned off, and records nothing.
func TestListmonkProbe(t *testing.T) {
	lm := testmta.NewListmonk(t)
	tests := []struct {
		name  string
		cfg   HTTPConfig
		setup func()
		want  string // in the error; "" for success
	}{
		{"token", HTTPConfig{Token: lm.Token()}, nil, ""},
		{"basic auth", HTTPConfig{User: lm.User, Password: lm.Key}, nil, ""},
		{"wrong key", HTTPConfig{Token: lm.User + ":wrong"}, nil, "refused the API credentials"},
		{"no credentials", HTTPConfig{}, nil, "refused the API credentials"},
		{"not the webhook path", HTTPConfig{Token: lm.Token(), URL: lm.BaseURL() + "/api/bounces"}, nil, "/webhooks/bounce"},
		{"role", HTTPConfig{Token: lm.Token()}, func() { lm.SetPermitted(false) }, "webhooks:post_bounce"},
		{"webhooks off", HTTPConfig{Token: lm.Token()}, func() { lm.SetPermitted(true); lm.SetWebhooks(false) }, "Enable bounce webhooks"},
		{"processing off", HTTPConfig{Token: lm.Token()}, func() { lm.SetWebhooks(true); lm.SetProcessing(false) }, "Enable bounce processing"},
	}
	for _, tt := range tests {
		if tt.setup != nil {
			tt.setup()
		}
		cfg := tt.cfg
		cfg.Format = FormatListmonk
		if cfg.URL == "" {
			cfg.URL = lm.URL()
		}
		s, err := NewHTTPSender(cfg)
		if err != nil {
			t.Fatal(err)
		}
		err = s.Probe(context.Background())
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	if len(lm.Bounces()) != 0 || len(lm.Dropped()) != 0 {
		t.Errorf("probing recorded %v, dropped %v", lm.Bounces(), lm.Dropped())
	}
}

// TestListmonkSubscriberFromOriginal: the subscriber UUID of the original's X-Listmonk-Subscriber
// header reaches the report.
func TestListmonkSubscriberFromOriginal(t *testing.T) {
	rep := sampleBounce()
	rep.Original.Subscriber = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
	if r := Build(rep, BuildOptions{})[0]; r.Subscriber != rep.Original.Subscriber {
		t.Errorf("report %+v", r)
	}
}

// TestIsUUID: the textual form of a UUID, 8-4-4-4-12 hex digits in either case, and nothing
// else; the same answers as the regular expression it replaced, over every length from 0 to 40
// and every character class at every position of a valid UUID.
func TestIsUUID(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	valid := "0a1b2c3d-4e5f-6A7B-8C9D-0123456789ab"
	cases := []string{valid, strings.ToUpper(valid), "", "campaign-7", valid + "0", valid[1:], " " + valid[1:]}
	for n := 0; n <= 40; n++ {
		cases = append(cases, strings.Repeat("a", n), strings.Repeat("-", n))
	}
	for i := range valid {
		for _, c := range []byte{'0', 'f', 'F', 'g', 'G', '-', ' ', 0xc3, 0} {
			b := []byte(valid)
			b[i] = c
			cases = append(cases, string(b))
		}
	}
	for _, s := range cases {
		if got, want := IsUUID(s), re.MatchString(s); got != want {
			t.Errorf("IsUUID(%q) = %v, want %v", s, got, want)
		}
	}
	if !IsUUID(valid) || IsUUID("campaign-7") {
		t.Error("IsUUID is wrong on the plain cases")
	}
}
