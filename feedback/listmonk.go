package feedback

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// listmonkWebhookPath is where listmonk serves its bounce webhook, under its root URL.
const listmonkWebhookPath = "/webhooks/bounce"

// listmonkBounce is the body of listmonk's bounce webhook (POST /webhooks/bounce). listmonk casts
// campaign_uuid and subscriber_uuid to UUIDs: a value that is not one makes it drop the bounce
// (campaign_uuid, after answering 200) or refuse it (subscriber_uuid, 400), so each is sent only
// when it is a UUID, and otherwise kept in meta.
type listmonkBounce struct {
	Email          string         `json:"email"`
	SubscriberUUID string         `json:"subscriber_uuid,omitempty"`
	CampaignUUID   string         `json:"campaign_uuid,omitempty"`
	Source         string         `json:"source"`
	Type           string         `json:"type"` // hard, soft, complaint: listmonk refuses any other
	CreatedAt      string         `json:"created_at,omitempty"`
	Meta           map[string]any `json:"meta"`
}

// IsUUID reports whether s is a UUID in its textual form (8-4-4-4-12 hex digits). It is checked
// by hand rather than with a regular expression compiled at every start of rebound.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func listmonkBody(r Report) listmonkBounce {
	meta := map[string]any{
		"id": r.ID, "reason": r.Reason, "category": r.Category, "status": r.Status,
		"reply_code": r.ReplyCode, "diagnostic": r.Diagnostic, "remote_mta": r.RemoteMTA,
		"original_message_id": r.OriginalMessageID, "bounced_at": r.BouncedAt,
	}
	b := listmonkBounce{Email: r.Email, Source: "rebound", Type: r.Type, CreatedAt: r.BouncedAt, Meta: meta}
	if r.Type == TypeDelay {
		b.Type = TypeSoft // listmonk knows hard, soft and complaint only (400 for "delay")
		meta["rebound_type"] = TypeDelay
	}
	if IsUUID(r.Campaign) {
		b.CampaignUUID = r.Campaign
	} else if r.Campaign != "" {
		meta["campaign"] = r.Campaign
	}
	if IsUUID(r.Subscriber) {
		b.SubscriberUUID = r.Subscriber
	} else if r.Subscriber != "" {
		meta["subscriber"] = r.Subscriber
	}
	return b
}

// listmonkRoot returns listmonk's root URL from its bounce webhook's URL.
func listmonkRoot(webhook string) (*url.URL, error) {
	u, err := url.Parse(webhook)
	if err != nil {
		return nil, err
	}
	prefix, ok := strings.CutSuffix(strings.TrimRight(u.Path, "/"), listmonkWebhookPath)
	if !ok {
		return nil, fmt.Errorf("%s is not listmonk's bounce webhook: want listmonk's root URL followed by %s", u.Redacted(), listmonkWebhookPath)
	}
	root := *u
	root.Path, root.RawPath, root.RawQuery, root.Fragment = prefix, "", "", ""
	return &root, nil
}

// probeListmonk checks a listmonk without recording anything: GET /api/health with the
// credentials (listmonk answers 403 to wrong ones), then a POST of an empty bounce to the
// webhook, which listmonk refuses with 400 only once the credentials, the API user's role,
// and the bounce settings all allow bounces in.
func (s *HTTPSender) probeListmonk(ctx context.Context) error {
	root, err := listmonkRoot(s.cfg.URL)
	if err != nil {
		return err
	}
	health := root.JoinPath("/api/health")
	code, answer, err := s.listmonkRequest(ctx, http.MethodGet, health.String(), nil)
	if err != nil {
		return err
	}
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return fmt.Errorf("listmonk refused the API credentials (%d %s): the token file (or REBOUND_REPORT_TOKEN) must hold user:key of a listmonk API user (Users → API), or give --report-user and its key as the password", code, answer)
	case code != http.StatusOK:
		return fmt.Errorf("GET %s: %d %s: is listmonk at %s?", health.Redacted(), code, answer, root.Redacted())
	}
	code, answer, err = s.listmonkRequest(ctx, http.MethodPost, s.cfg.URL, []byte("{}"))
	if err != nil {
		return err
	}
	switch {
	case code == http.StatusBadRequest || code >= 200 && code < 300:
		return nil
	case code == http.StatusNotFound:
		return fmt.Errorf("listmonk's bounce webhook answers 404: turn on Settings → Bounces → \"Enable bounce webhooks\"")
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return fmt.Errorf("listmonk refuses bounces from this API user (%d %s): its role needs the permission webhooks:post_bounce", code, answer)
	case code == http.StatusServiceUnavailable:
		return fmt.Errorf("listmonk answers 503 %s: turn on Settings → Bounces → \"Enable bounce processing\"", answer)
	}
	return fmt.Errorf("listmonk's bounce webhook answers %d %s", code, answer)
}

// listmonkRequest makes one authenticated request and returns the status and the start of the
// answer.
func (s *HTTPSender) listmonkRequest(ctx context.Context, method, target string, body []byte) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("User-Agent", "rebound/1")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	s.authorize(req)
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, "", withCertFix(fmt.Errorf("probing listmonk: %w", err))
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
	return resp.StatusCode, string(bytes.TrimSpace(snippet)), nil
}
