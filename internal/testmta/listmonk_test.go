package testmta

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func listmonkDo(t *testing.T, method, url, auth, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// TestListmonkAnswers: the receiver answers as listmonk v6.2.0 does.
func TestListmonkAnswers(t *testing.T) {
	lm := NewListmonk(t)
	lm.AddSubscriber("jane@example.com")
	good := "token " + lm.Token()
	bounce := `{"email":"jane@example.com","type":"soft","source":"test"}`
	tests := []struct {
		name, method, path, auth, body string
		setup                          func()
		code                           int
		answer                         string
	}{
		{"accepted", "POST", "/webhooks/bounce", good, bounce, nil, 200, `{"data":true}`},
		{"basic auth", "POST", "/webhooks/bounce", "Basic " + basic(lm.User, lm.Key), bounce, nil, 200, `{"data":true}`},
		{"non-UUID campaign still answered 200", "POST", "/webhooks/bounce", good, `{"email":"jane@example.com","type":"soft","campaign_uuid":"nov-2026"}`, nil, 200, `{"data":true}`},
		{"unknown email still answered 200", "POST", "/webhooks/bounce", good, `{"email":"nobody@example.com","type":"hard"}`, nil, 200, `{"data":true}`},
		{"wrong key", "POST", "/webhooks/bounce", "token " + lm.User + ":nope", bounce, nil, 403, `{"message":"invalid API credentials"}`},
		{"bearer", "POST", "/webhooks/bounce", "Bearer " + lm.Token(), bounce, nil, 403, "unknown Authorization scheme"},
		{"no auth", "POST", "/webhooks/bounce", "", bounce, nil, 403, `{"message":"invalid session"}`},
		{"delay", "POST", "/webhooks/bounce", good, `{"email":"jane@example.com","type":"delay"}`, nil, 400, `{"message":"Invalid fields: type"}`},
		{"bad subscriber_uuid", "POST", "/webhooks/bounce", good, `{"subscriber_uuid":"x1","type":"hard"}`, nil, 400, "subscriber_uuid"},
		{"bad created_at", "POST", "/webhooks/bounce", good, `{"email":"jane@example.com","type":"hard","created_at":"yesterday"}`, nil, 400, "Invalid data"},
		{"not JSON", "POST", "/webhooks/bounce", good, `email=jane@example.com`, nil, 400, "Invalid data"},
		{"options", "OPTIONS", "/webhooks/bounce", good, "", nil, 404, "<html>"},
		{"health", "GET", "/api/health", good, "", nil, 200, `{"data":true}`},
		{"health wrong key", "GET", "/api/health", "token " + lm.User + ":nope", "", nil, 403, "invalid API credentials"},
		{"role without webhooks:post_bounce", "POST", "/webhooks/bounce", good, bounce, func() { lm.SetPermitted(false) }, 403, "webhooks:post_bounce"},
		{"webhooks disabled", "POST", "/webhooks/bounce", good, bounce, func() { lm.SetPermitted(true); lm.SetWebhooks(false) }, 404, "<html>"},
		{"bounce processing disabled", "POST", "/webhooks/bounce", good, bounce, func() { lm.SetWebhooks(true); lm.SetProcessing(false) }, 503, "disabled"},
	}
	for _, tt := range tests {
		if tt.setup != nil {
			tt.setup()
		}
		code, answer := listmonkDo(t, tt.method, lm.BaseURL()+tt.path, tt.auth, tt.body)
		if code != tt.code || !strings.Contains(answer, tt.answer) {
			t.Errorf("%s: %d %s, want %d %s", tt.name, code, answer, tt.code, tt.answer)
		}
	}
	// Of the four bounces answered 200, two were recorded (soft twice: blocklisted) and two
	// dropped: the campaign that is no UUID, the unknown address.
	if got := len(lm.Bounces()); got != 2 {
		t.Errorf("%d bounces recorded, want 2", got)
	}
	drops := lm.Dropped()
	if len(drops) != 2 || !strings.Contains(drops[0].Err, "invalid input syntax for type uuid") || !strings.Contains(drops[1].Err, "subscriber_id") {
		t.Errorf("dropped %+v", drops)
	}
	if s := lm.Subscriber("jane@example.com"); s.Bounces["soft"] != 2 || s.Status != "blocklisted" {
		t.Errorf("subscriber %+v, want 2 soft bounces and blocklisted", s)
	}
}

// TestListmonkRecording: subscriber_uuid wins over the email, a campaign UUID is resolved,
// created_at is kept, Idempotency-Key changes nothing.
func TestListmonkRecording(t *testing.T) {
	lm := NewListmonk(t)
	jane := lm.AddSubscriber("jane@example.com")
	lm.AddSubscriber("forward@example.net")
	camp := lm.AddCampaign("November")
	body := `{"email":"forward@example.net","subscriber_uuid":"` + jane + `","campaign_uuid":"` + camp + `","type":"soft","created_at":"2026-11-03T07:12:44Z","meta":{"id":"x"}}`
	for range 2 {
		req, _ := http.NewRequest("POST", lm.URL(), strings.NewReader(body))
		req.Header.Set("Authorization", "token "+lm.Token())
		req.Header.Set("Idempotency-Key", "x")
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%v %v", err, resp)
		}
		resp.Body.Close()
	}
	got := lm.Bounces()
	if len(got) != 2 {
		t.Fatalf("%d bounces, want 2 (no de-duplication)", len(got))
	}
	b := got[0]
	if b.Subscriber != "jane@example.com" || b.Campaign != "November" || b.CreatedAt.Format("2006-01-02T15:04:05Z07:00") != "2026-11-03T07:12:44Z" || b.Meta["id"] != "x" {
		t.Errorf("recorded %+v", b)
	}
	if s := lm.Subscriber("jane@example.com"); s.Status != "blocklisted" {
		t.Errorf("jane %+v: two soft bounces blocklist", s)
	}
	if s := lm.Subscriber("forward@example.net"); len(s.Bounces) != 0 {
		t.Errorf("forward address counted: %+v", s)
	}
}

func basic(user, pass string) string {
	req, _ := http.NewRequest("GET", "http://x", nil)
	req.SetBasicAuth(user, pass)
	return strings.TrimPrefix(req.Header.Get("Authorization"), "Basic ")
}
