package feedback

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rebound/rebound/dsn"
)

func sampleBounce() *dsn.Report {
	return &dsn.Report{
		Kind: dsn.KindBounce, MessageID: "b1@mx.example.org", Date: "Mon, 02 Nov 2026 10:00:00 +0100",
		ReportingMTA: "mx.example.org",
		Original:     dsn.Original{MessageID: "n1@lists.example.org", Campaign: "oct-2026"},
		Recipients: []dsn.Recipient{
			{Address: "gone@example.com", Action: "failed", Status: "5.1.1", ReplyCode: "550", Reason: "userunknown", Category: "recipient", Hard: true},
			{Address: "full@example.com", Action: "failed", Status: "5.2.2", Reason: "mailboxfull", Category: "recipient"},
			{Address: "later@example.com", Action: "delayed", Status: "4.4.1", Reason: "networkerror", Category: "domain"},
			{Address: "ok@example.com", Action: "delivered", Status: "2.0.0", Reason: "delivered", Category: "success"},
		},
	}
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name   string
		rep    *dsn.Report
		opts   BuildOptions
		emails string
		types  string
	}{
		{"failures only", sampleBounce(), BuildOptions{}, "gone@example.com,full@example.com", "hard,soft"},
		{"with delays", sampleBounce(), BuildOptions{ReportDelays: true}, "gone@example.com,full@example.com,later@example.com", "hard,soft,delay"},
		{"complaint", &dsn.Report{Kind: dsn.KindComplaint, MessageID: "c1", Recipients: []dsn.Recipient{{Address: "user@example.net", Reason: "feedback"}}}, BuildOptions{}, "user@example.net", "complaint"},
		{"redacted complaint", &dsn.Report{Kind: dsn.KindComplaint, MessageID: "c2", Recipients: []dsn.Recipient{{Address: dsn.UndisclosedRecipient, Reason: "feedback"}}}, BuildOptions{}, "", ""},
		{"auto-reply", &dsn.Report{Kind: dsn.KindAutoReply, Recipients: []dsn.Recipient{{Address: "away@example.net", Reason: "vacation"}}}, BuildOptions{ReportDelays: true}, "", ""},
		{"original recipient", &dsn.Report{Kind: dsn.KindBounce, MessageID: "o1", Recipients: []dsn.Recipient{{Address: "jdoe@mailhost.example.net", OriginalAddress: "jane.doe@example.net", Action: "failed", Reason: "mailboxfull"}}}, BuildOptions{}, "jane.doe@example.net", "soft"},
		{"expired is soft", &dsn.Report{Kind: dsn.KindBounce, MessageID: "e1", Recipients: []dsn.Recipient{{Address: "slow@example.net", Action: "delayed", Reason: "expired"}}}, BuildOptions{}, "slow@example.net", "soft"},
		{"guessed recipient is never hard", &dsn.Report{Kind: dsn.KindBounce, MessageID: "g1", Recipients: []dsn.Recipient{{Address: "maybe@example.net", Action: "failed", Reason: "userunknown", Hard: true, Evidence: dsn.EvidenceGuess}}}, BuildOptions{}, "maybe@example.net", "soft"},
		{"sender's own address is never hard", &dsn.Report{Kind: dsn.KindBounce, MessageID: "s1", Recipients: []dsn.Recipient{{Address: "news@lists.example.org", Action: "failed", Reason: "userunknown", Hard: true, Evidence: dsn.EvidenceDSNField, SenderSide: true}}}, BuildOptions{}, "news@lists.example.org", "soft"},
		{"named recipient stays hard", &dsn.Report{Kind: dsn.KindBounce, MessageID: "g2", Recipients: []dsn.Recipient{{Address: "gone@example.net", Action: "failed", Reason: "userunknown", Hard: true, Evidence: dsn.EvidenceLabelledLine}}}, BuildOptions{}, "gone@example.net", "hard"},
		{"invalid address never reported", &dsn.Report{Kind: dsn.KindBounce, MessageID: "p1", Recipients: []dsn.Recipient{
			{Address: "a\x00b@remote.test", Action: "failed", Reason: "userunknown", Hard: true, Invalid: true},
			{Address: "\x1b[2J@remote.test", Action: "failed", Reason: "userunknown", Hard: true},
			{Address: "ok@remote.test", Action: "failed", Reason: "userunknown", Hard: true},
		}}, BuildOptions{}, "ok@remote.test", "hard"},
		{"invalid original recipient gives way to the final one", &dsn.Report{Kind: dsn.KindBounce, MessageID: "p2", Recipients: []dsn.Recipient{{Address: "jdoe@example.net", OriginalAddress: "\x1b]0;x\x07@example.net", Action: "failed", Reason: "mailboxfull"}}}, BuildOptions{}, "jdoe@example.net", "soft"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var emails, types []string
			for _, r := range Build(tt.rep, tt.opts) {
				emails = append(emails, r.Email)
				types = append(types, r.Type)
				if len(r.ID) != 32 {
					t.Errorf("id %q", r.ID)
				}
			}
			if strings.Join(emails, ",") != tt.emails || strings.Join(types, ",") != tt.types {
				t.Errorf("got %v %v", emails, types)
			}
		})
	}
}

func TestBuildStableIDs(t *testing.T) {
	a, b := Build(sampleBounce(), BuildOptions{}), Build(sampleBounce(), BuildOptions{})
	if a[0].ID != b[0].ID || a[0].ID == a[1].ID {
		t.Errorf("ids %s %s %s", a[0].ID, b[0].ID, a[1].ID)
	}
	other := sampleBounce()
	other.MessageID = "b2@mx.example.org"
	if Build(other, BuildOptions{})[0].ID == a[0].ID {
		t.Error("another bounce got the same id")
	}
	if a[0].BouncedAt != "2026-11-02T09:00:00Z" || a[0].Campaign != "oct-2026" {
		t.Errorf("report %+v", a[0])
	}
}

// receiver records what a webhook receives and answers with the codes given, then 200.
type receiver struct {
	mu       sync.Mutex
	codes    []int
	requests []*http.Request
	bodies   [][]byte
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.requests = append(rc.requests, r)
	rc.bodies = append(rc.bodies, body)
	code := 200
	if len(rc.codes) > 0 {
		code, rc.codes = rc.codes[0], rc.codes[1:]
	}
	w.WriteHeader(code)
}

func newSender(t *testing.T, cfg HTTPConfig, rc *receiver) *HTTPSender {
	t.Helper()
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	cfg.URL = srv.URL + "/hook"
	s, err := NewHTTPSender(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestJSONFormatWithSignatureAndBearer(t *testing.T) {
	rc := &receiver{}
	s := newSender(t, HTTPConfig{Token: "t0ken", Secret: "s3cret"}, rc)
	r := Build(sampleBounce(), BuildOptions{})[0]
	if err := s.Send(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	req, body := rc.requests[0], rc.bodies[0]
	if req.Method != "POST" || req.Header.Get("Content-Type") != "application/json" {
		t.Errorf("%s %s", req.Method, req.Header.Get("Content-Type"))
	}
	if req.Header.Get("Idempotency-Key") != r.ID || req.Header.Get("Authorization") != "Bearer t0ken" {
		t.Errorf("headers %v", req.Header)
	}
	ts := req.Header.Get("X-Rebound-Timestamp")
	if err := Verify("s3cret", req.Header.Get("X-Rebound-Signature"), ts, body, time.Now()); err != nil {
		t.Errorf("signature %q of timestamp %q: %v", req.Header.Get("X-Rebound-Signature"), ts, err)
	}
	var got map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{"id": r.ID, "type": "hard", "email": "gone@example.com", "reason": "userunknown",
		"category": "recipient", "status": "5.1.1", "reply_code": "550", "campaign": "oct-2026",
		"original_message_id": "n1@lists.example.org", "reporting_mta": "mx.example.org", "bounced_at": "2026-11-02T09:00:00Z"} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

// TestListmonkContract checks the body and authentication of listmonk's bounce webhook
// (POST /webhooks/bounce: email, subscriber_uuid, campaign_uuid, source, type
// hard|soft|complaint, created_at, meta).
func TestListmonkContract(t *testing.T) {
	const campUUID, subUUID = "0b5c2f4e-8d1a-4c3b-9e7f-1a2b3c4d5e6f", "9f8e7d6c-5b4a-4321-8fed-cba987654321"
	rc := &receiver{}
	s := newSender(t, HTTPConfig{Format: FormatListmonk, Token: "api:abc123"}, rc)
	reports := Build(sampleBounce(), BuildOptions{ReportDelays: true})
	reports[0].Campaign, reports[0].Subscriber = campUUID, subUUID
	reports[1].Subscriber = "42" // listmonk would refuse a subscriber_uuid that is no UUID
	for _, r := range reports {
		if err := s.Send(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	type body struct {
		Email          string         `json:"email"`
		SubscriberUUID string         `json:"subscriber_uuid"`
		CampaignUUID   string         `json:"campaign_uuid"`
		Source         string         `json:"source"`
		Type           string         `json:"type"`
		CreatedAt      string         `json:"created_at"`
		Meta           map[string]any `json:"meta"`
	}
	want := []body{
		{Email: "gone@example.com", SubscriberUUID: subUUID, CampaignUUID: campUUID, Type: "hard"},
		{Email: "full@example.com", Type: "soft"},
		{Email: "later@example.com", Type: "soft"}, // listmonk has no delay type: 400 "Invalid fields: type"
	}
	wantMeta := []map[string]any{
		{"campaign": nil, "subscriber": nil, "rebound_type": nil},
		{"campaign": "oct-2026", "subscriber": "42", "rebound_type": nil},
		{"campaign": "oct-2026", "subscriber": nil, "rebound_type": "delay"},
	}
	for i, raw := range rc.bodies {
		var b body
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatal(err)
		}
		if b.Email != want[i].Email || b.SubscriberUUID != want[i].SubscriberUUID || b.CampaignUUID != want[i].CampaignUUID ||
			b.Source != "rebound" || b.Type != want[i].Type || b.CreatedAt != "2026-11-02T09:00:00Z" || b.Meta["id"] != reports[i].ID {
			t.Errorf("body %s", raw)
		}
		for k, v := range wantMeta[i] {
			if b.Meta[k] != v {
				t.Errorf("body %d: meta %s = %v, want %v", i, k, b.Meta[k], v)
			}
		}
		if got := rc.requests[i].Header.Get("Authorization"); got != "token api:abc123" {
			t.Errorf("Authorization %q", got)
		}
	}
}

// TestFormContract checks the fields SPIP Newsletters' newsletter/feedback action reads.
func TestFormContract(t *testing.T) {
	rc := &receiver{}
	s := newSender(t, HTTPConfig{Format: FormatForm, User: "spip", Password: "pw"}, rc)
	complaint := Build(&dsn.Report{Kind: dsn.KindComplaint, MessageID: "c", Original: dsn.Original{Campaign: "42"},
		Recipients: []dsn.Recipient{{Address: "angry@example.net", Reason: "feedback"}}}, BuildOptions{})
	for _, r := range append(Build(sampleBounce(), BuildOptions{}), complaint...) {
		if err := s.Send(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	want := []url.Values{
		{"quoi": {"hard_bounce"}, "email": {"gone@example.com"}, "tracking_id": {"oct-2026"}},
		{"quoi": {"soft_bounce"}, "email": {"full@example.com"}, "tracking_id": {"oct-2026"}},
		{"quoi": {"spam"}, "email": {"angry@example.net"}, "tracking_id": {"42"}},
	}
	for i, body := range rc.bodies {
		if ct := rc.requests[i].Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			t.Errorf("content type %q", ct)
		}
		got, err := url.ParseQuery(string(body))
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range want[i] {
			if got.Get(k) != v[0] {
				t.Errorf("request %d: %s = %q, want %q", i, k, got.Get(k), v[0])
			}
		}
		if u, p, ok := rc.requests[i].BasicAuth(); !ok || u != "spip" || p != "pw" {
			t.Errorf("basic auth %q %q %v", u, p, ok)
		}
	}
}

func TestCommandSender(t *testing.T) {
	out := t.TempDir() + "/got"
	ok := &CommandSender{Command: "cat > " + out + "; test \"$REBOUND_REPORT_ID\" = abc"}
	if err := ok.Send(context.Background(), Report{ID: "abc", Email: "a@example.com"}); err != nil {
		t.Fatal(err)
	}
	if err := (&CommandSender{Command: "exit 65"}).Send(context.Background(), Report{ID: "abc"}); !IsPermanent(err) {
		t.Errorf("exit 65: %v", err)
	}
	if err := (&CommandSender{Command: "exit 1"}).Send(context.Background(), Report{ID: "abc"}); err == nil || IsPermanent(err) {
		t.Errorf("exit 1: %v", err)
	}
}

func TestNewHTTPSenderRejectsBadConfig(t *testing.T) {
	for _, cfg := range []HTTPConfig{{URL: "ftp://x"}, {URL: "http://x", Format: "xml"}, {URL: "https://x", CAFile: "/nonexistent"}} {
		if _, err := NewHTTPSender(cfg); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

// TestBuildLogsTheInvalidAddress: when the Final-Recipient holds a control character but the
// Original-Recipient is a valid mailbox, the warning names the invalid address (escaped), not
// only the valid one, which read as if a good address had been refused.
func TestBuildLogsTheInvalidAddress(t *testing.T) {
	buf := captureLog(t)
	rep := &dsn.Report{Kind: dsn.KindBounce, MessageID: "p3", Recipients: []dsn.Recipient{
		{Address: "nou\x00ser@remote.test", OriginalAddress: "nouser@remote.test", Action: "failed", Reason: "userunknown", Hard: true, Invalid: true},
	}}
	if got := Build(rep, BuildOptions{}); len(got) != 0 {
		t.Fatalf("reported %+v", got)
	}
	line := buf.String()
	for _, want := range []string{`address="\"nou\\x00ser@remote.test\""`, `sent_to="\"nouser@remote.test\""`, "message_id=p3"} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %s", line, want)
		}
	}
}

// TestBuildWarnsOfSenderSide: a sender's own address that the MTA named alone as failed is
// reported soft, with a warning that names it.
func TestBuildWarnsOfSenderSide(t *testing.T) {
	buf := captureLog(t)
	rep := &dsn.Report{Kind: dsn.KindBounce, MessageID: "s2", Recipients: []dsn.Recipient{
		{Address: "news@lists.example.org", Action: "failed", Reason: "userunknown", Hard: true, Evidence: dsn.EvidenceFailedRecipients, SenderSide: true},
	}}
	got := Build(rep, BuildOptions{})
	if len(got) != 1 || got[0].Type != TypeSoft {
		t.Fatalf("reported %+v, want one soft report", got)
	}
	line := buf.String()
	for _, want := range []string{"level=WARN", "sender's own address", "address=news@lists.example.org", "message_id=s2"} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %s", line, want)
		}
	}
}

// captureLog sends the default logger's lines to the returned buffer until the test ends.
func captureLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })
	return &buf
}
