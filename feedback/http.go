package feedback

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

// Formats of the HTTP webhook.
const (
	FormatJSON     = "json"     // rebound's Report as JSON
	FormatListmonk = "listmonk" // listmonk's POST /webhooks/bounce
	FormatForm     = "form"     // SPIP Newsletters/Mailshot newsletter/feedback form fields
)

// HTTPConfig configures an HTTPSender.
type HTTPConfig struct {
	URL      string
	Format   string // json (default), listmonk, form
	Token    string // bearer token; for listmonk, "user:token" sent as "Authorization: token user:token"
	User     string // basic auth user (with Password)
	Password string
	Secret   string // when set, X-Rebound-Timestamp and X-Rebound-Signature (see Sign)
	CAFile   string // private CA to trust
	Insecure bool   // skip TLS verification (logged)
	Timeout  time.Duration
}

// HTTPSender posts reports to a webhook.
type HTTPSender struct {
	cfg    HTTPConfig
	client *http.Client
}

// NewHTTPSender checks cfg and returns a sender.
func NewHTTPSender(cfg HTTPConfig) (*HTTPSender, error) {
	if _, err := CheckURL(cfg.URL); err != nil {
		return nil, err
	}
	switch cfg.Format {
	case "":
		cfg.Format = FormatJSON
	case FormatJSON, FormatListmonk, FormatForm:
	default:
		return nil, fmt.Errorf("unknown report format %q (want json, listmonk or form)", cfg.Format)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	tlsConf := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("CA file %s: no certificate found", cfg.CAFile)
		}
		tlsConf.RootCAs = pool
	}
	if cfg.Insecure {
		slog.Warn("TLS certificate verification of the report endpoint is OFF", "url", cfg.URL)
		tlsConf.InsecureSkipVerify = true
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = tlsConf
	return &HTTPSender{cfg: cfg, client: &http.Client{Transport: tr, Timeout: cfg.Timeout, CheckRedirect: noRedirects}}, nil
}

// Body returns the request body and content type of r in the sender's format.
func (s *HTTPSender) Body(r Report) ([]byte, string, error) {
	switch s.cfg.Format {
	case FormatListmonk:
		b, err := json.Marshal(listmonkBody(r))
		return b, "application/json", err
	case FormatForm:
		return []byte(formBody(r).Encode()), "application/x-www-form-urlencoded", nil
	}
	b, err := json.Marshal(r)
	return b, "application/json", err
}

// formBody is what SPIP Newsletters' newsletter/feedback action reads: quoi, email, tracking_id.
func formBody(r Report) url.Values {
	quoi := "soft_bounce"
	switch r.Type {
	case TypeHard:
		quoi = "hard_bounce"
	case TypeComplaint:
		quoi = "spam"
	}
	v := url.Values{"quoi": {quoi}, "email": {r.Email}, "tracking_id": {r.Campaign}}
	v.Set("id", r.ID)
	v.Set("reason", string(r.Reason))
	return v
}

// Send posts r. 2xx is delivered; a redirect is never followed; the other answers are
// classified by responseError (400, 413, 422: *PermanentError; 3xx, 401, 403, 404, 405 and other
// 4xx but 408 and 429: *ConfigError; the rest: temporary).
func (s *HTTPSender) Send(ctx context.Context, r Report) error {
	body, ctype, err := s.Body(r)
	if err != nil {
		return &PermanentError{Err: fmt.Errorf("encoding report: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return &PermanentError{Err: err}
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("User-Agent", "rebound/1")
	req.Header.Set("Idempotency-Key", r.ID)
	s.authorize(req)
	if s.cfg.Secret != "" {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req.Header.Set(TimestampHeader, ts)
		req.Header.Set(SignatureHeader, Sign(s.cfg.Secret, ts, body))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return withCertFix(fmt.Errorf("posting report %s: %w", r.ID, err))
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return responseError(r.ID, resp, snippet)
}

func (s *HTTPSender) authorize(req *http.Request) {
	switch {
	case s.cfg.Format == FormatListmonk && s.cfg.Token != "":
		req.Header.Set("Authorization", "token "+s.cfg.Token)
	case s.cfg.Token != "":
		req.Header.Set("Authorization", "Bearer "+s.cfg.Token)
	case s.cfg.User != "":
		req.SetBasicAuth(s.cfg.User, s.cfg.Password)
	}
}

// Probe checks that the endpoint answers: an OPTIONS request, any answer below 500 (even 404 or
// 405: the server is there) counts, but a redirect (reports would not follow it) and 401 or 403.
func (s *HTTPSender) Probe(ctx context.Context) error {
	if s.cfg.Format == FormatListmonk {
		return s.probeListmonk(ctx)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodOptions, s.cfg.URL, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "rebound/1")
	s.authorize(req)
	resp, err := s.client.Do(req)
	if err != nil {
		return withCertFix(fmt.Errorf("probing %s: %w", s.cfg.URL, err))
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		return fmt.Errorf("probing %s: %w", s.cfg.URL, responseError("probe", resp, nil))
	}
	if resp.StatusCode >= 500 {
		return fmt.Errorf("probing %s: %s", s.cfg.URL, resp.Status)
	}
	if resp.StatusCode == 401 || resp.StatusCode == 403 {
		return fmt.Errorf("probing %s: %s (check the credentials)", s.cfg.URL, resp.Status)
	}
	return nil
}
