package testmta

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Listmonk is a test receiver on 127.0.0.1 that behaves as listmonk v6.2.0 does towards a bounce
// reporter (the behaviour was observed on a real listmonk with PostgreSQL 15; listmonk itself
// cannot be fetched here):
//
//   - POST /webhooks/bounce checks the credentials (Authorization: token user:key, or basic
//     auth with the same pair; a Bearer token or a wrong key is 403), validates the JSON (type
//     hard, soft or complaint; an email or a subscriber_uuid) and answers 200 {"data":true}; the
//     bounce is recorded afterwards by a background worker, and a failure to record it is only
//     logged: the bounce is dropped (see Dropped).
//   - Recording casts campaign_uuid to a UUID: a value that is not one (nov-2026) fails and drops
//     the bounce. A subscriber is found by subscriber_uuid when given (exactly), else by email;
//     none found drops the bounce. A UUID naming no campaign records the bounce without one.
//   - Idempotency-Key is ignored: the same bounce posted twice is counted twice.
//   - Each bounce type has a count and an action: once a subscriber has that many bounces of
//     the type, the action (blocklist) applies.
//   - Webhooks disabled: 404 with an HTML page. Bounce processing disabled: 503.
//   - OPTIONS /webhooks/bounce is 404; GET /api/health is 200 with valid credentials, else 403.
type Listmonk struct {
	User, Key string // the API user and its key

	mu          sync.Mutex
	webhooks    bool
	processing  bool
	permitted   bool // the API user's role has webhooks:post_bounce
	subscribers map[string]*ListmonkSubscriber
	campaigns   map[string]string // uuid → name
	actions     map[string]ListmonkAction
	bounces     []ListmonkBounce
	dropped     []ListmonkDrop
	requests    int

	queue   chan listmonkIncoming
	pending sync.WaitGroup
	srv     *httptest.Server
}

// ListmonkSubscriber is a subscriber of the test listmonk.
type ListmonkSubscriber struct {
	UUID, Email string
	Status      string         // enabled or blocklisted
	Bounces     map[string]int // bounce type → count
}

// ListmonkAction is what listmonk does once a subscriber has Count bounces of a type.
type ListmonkAction struct {
	Count  int
	Action string // none, blocklist
}

// ListmonkBounce is a bounce listmonk recorded.
type ListmonkBounce struct {
	Subscriber string // the subscriber's email
	Campaign   string // the campaign's name, empty when none
	Type       string
	Source     string
	Meta       map[string]any
	CreatedAt  time.Time
}

// ListmonkDrop is a bounce listmonk answered 200 to and then failed to record.
type ListmonkDrop struct {
	Email, SubscriberUUID, CampaignUUID, Type string
	Err                                       string // what listmonk logged
}

// listmonkIncoming is the webhook's body (listmonk's models.Bounce, as far as it reads it).
type listmonkIncoming struct {
	Email          string          `json:"email"`
	SubscriberUUID string          `json:"subscriber_uuid"`
	CampaignUUID   string          `json:"campaign_uuid"`
	Source         string          `json:"source"`
	Type           string          `json:"type"`
	Meta           json.RawMessage `json:"meta"`
	CreatedAt      time.Time       `json:"created_at"`
}

var listmonkUUID = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// NewListmonk starts a listmonk with bounce processing and webhooks enabled, an API user whose
// role may post bounces, and listmonk's bounce actions set to: hard 1 → blocklist, soft 2 →
// blocklist, complaint 1 → blocklist.
func NewListmonk(t testing.TB) *Listmonk {
	lm := &Listmonk{
		User: "rebound-api", Key: "k" + newUUID()[:13],
		webhooks: true, processing: true, permitted: true,
		subscribers: map[string]*ListmonkSubscriber{}, campaigns: map[string]string{},
		actions: map[string]ListmonkAction{
			"hard": {1, "blocklist"}, "soft": {2, "blocklist"}, "complaint": {1, "blocklist"},
		},
		queue: make(chan listmonkIncoming, 1000),
	}
	go lm.recorder()
	lm.srv = httptest.NewServer(lm)
	t.Cleanup(func() {
		lm.srv.Close()
		close(lm.queue)
	})
	return lm
}

func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// BaseURL is listmonk's root URL; URL its bounce webhook.
func (lm *Listmonk) BaseURL() string { return lm.srv.URL }

// URL is the bounce webhook, POST /webhooks/bounce.
func (lm *Listmonk) URL() string { return lm.srv.URL + "/webhooks/bounce" }

// Token is the value of rebound's token file for this listmonk: user:key.
func (lm *Listmonk) Token() string { return lm.User + ":" + lm.Key }

// AddSubscriber adds an enabled subscriber and returns its UUID.
func (lm *Listmonk) AddSubscriber(email string) string {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	s := &ListmonkSubscriber{UUID: newUUID(), Email: strings.ToLower(email), Status: "enabled", Bounces: map[string]int{}}
	lm.subscribers[s.Email] = s
	return s.UUID
}

// AddCampaign adds a campaign and returns its UUID.
func (lm *Listmonk) AddCampaign(name string) string {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	id := newUUID()
	lm.campaigns[id] = name
	return id
}

// SetWebhooks turns "Enable bounce webhooks" on or off; SetProcessing "Enable bounce
// processing"; SetPermitted gives or takes webhooks:post_bounce from the API user's role.
func (lm *Listmonk) SetWebhooks(on bool)   { lm.mu.Lock(); lm.webhooks = on; lm.mu.Unlock() }
func (lm *Listmonk) SetProcessing(on bool) { lm.mu.Lock(); lm.processing = on; lm.mu.Unlock() }
func (lm *Listmonk) SetPermitted(on bool)  { lm.mu.Lock(); lm.permitted = on; lm.mu.Unlock() }

// Bounces returns the bounces recorded, once the bounces accepted so far are recorded or dropped.
func (lm *Listmonk) Bounces() []ListmonkBounce {
	lm.pending.Wait()
	lm.mu.Lock()
	defer lm.mu.Unlock()
	return append([]ListmonkBounce(nil), lm.bounces...)
}

// Dropped returns the bounces answered 200 and then lost, once the queue is done.
func (lm *Listmonk) Dropped() []ListmonkDrop {
	lm.pending.Wait()
	lm.mu.Lock()
	defer lm.mu.Unlock()
	return append([]ListmonkDrop(nil), lm.dropped...)
}

// Subscriber returns a copy of the subscriber with this email, once the queue is done.
func (lm *Listmonk) Subscriber(email string) ListmonkSubscriber {
	lm.pending.Wait()
	lm.mu.Lock()
	defer lm.mu.Unlock()
	s, ok := lm.subscribers[strings.ToLower(email)]
	if !ok {
		return ListmonkSubscriber{}
	}
	c := *s
	c.Bounces = map[string]int{}
	for k, v := range s.Bounces {
		c.Bounces[k] = v
	}
	return c
}

// Requests counts the HTTP requests received.
func (lm *Listmonk) Requests() int {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	return lm.requests
}

func listmonkJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func listmonkError(w http.ResponseWriter, code int, msg string) {
	listmonkJSON(w, code, map[string]string{"message": msg})
}

func listmonkNotFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "<!doctype html>\n<html><head><title>listmonk</title></head><body><h2>404</h2><p>Page not found</p></body></html>\n")
}

func (lm *Listmonk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	lm.mu.Lock()
	lm.requests++
	webhooks, processing, permitted := lm.webhooks, lm.processing, lm.permitted
	lm.mu.Unlock()
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/health":
		if msg := lm.authenticate(r); msg != "" {
			listmonkError(w, http.StatusForbidden, msg)
			return
		}
		listmonkJSON(w, http.StatusOK, map[string]bool{"data": true})
	case r.Method == http.MethodPost && r.URL.Path == "/webhooks/bounce":
		if msg := lm.authenticate(r); msg != "" {
			listmonkError(w, http.StatusForbidden, msg)
			return
		}
		if !permitted {
			listmonkError(w, http.StatusForbidden, "permission denied: webhooks:post_bounce")
			return
		}
		if !webhooks {
			listmonkNotFound(w)
			return
		}
		if !processing {
			listmonkError(w, http.StatusServiceUnavailable, "Bounce processing is disabled")
			return
		}
		b, msg := listmonkValidate(body)
		if msg != "" {
			listmonkError(w, http.StatusBadRequest, msg)
			return
		}
		lm.pending.Add(1)
		lm.queue <- b
		listmonkJSON(w, http.StatusOK, map[string]bool{"data": true})
	default:
		listmonkNotFound(w) // OPTIONS included: listmonk has no route for it
	}
}

// authenticate returns listmonk's refusal of the request's credentials, or "" when they are
// the API user's.
func (lm *Listmonk) authenticate(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "invalid session"
	}
	var pair string
	switch scheme, rest, _ := strings.Cut(h, " "); strings.ToLower(scheme) {
	case "token":
		pair = rest
	case "basic":
		b, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return "invalid API credentials"
		}
		pair = string(b)
	default:
		return "invalid token:password format or unknown Authorization scheme"
	}
	user, key, ok := strings.Cut(pair, ":")
	if !ok || user != lm.User || key != lm.Key {
		return "invalid API credentials"
	}
	return ""
}

// listmonkValidate decodes and checks a webhook body as listmonk does before answering.
func listmonkValidate(body []byte) (listmonkIncoming, string) {
	var b listmonkIncoming
	if err := json.Unmarshal(body, &b); err != nil {
		return b, "Invalid data: " + err.Error()
	}
	if b.Email == "" && b.SubscriberUUID == "" {
		return b, "Invalid fields: email / subscriber_uuid"
	}
	if b.SubscriberUUID != "" && !listmonkUUID.MatchString(b.SubscriberUUID) {
		return b, "Invalid fields: subscriber_uuid"
	}
	if b.Email != "" {
		a, err := mail.ParseAddress(b.Email)
		if err != nil || a.Address != strings.TrimSpace(b.Email) {
			return b, "Invalid email"
		}
		b.Email = strings.ToLower(a.Address)
	}
	switch b.Type {
	case "hard", "soft", "complaint":
	default:
		return b, "Invalid fields: type"
	}
	if len(b.Meta) == 0 {
		b.Meta = json.RawMessage("{}")
	}
	if b.CreatedAt.IsZero() {
		b.CreatedAt = time.Now()
	}
	return b, ""
}

// recorder is listmonk's bounce worker: it records the accepted bounces one by one.
func (lm *Listmonk) recorder() {
	for b := range lm.queue {
		lm.mu.Lock()
		if err := lm.record(b); err != nil {
			lm.dropped = append(lm.dropped, ListmonkDrop{Email: b.Email, SubscriberUUID: b.SubscriberUUID,
				CampaignUUID: b.CampaignUUID, Type: b.Type, Err: err.Error()})
		}
		lm.mu.Unlock()
		lm.pending.Done()
	}
}

// record is listmonk's record-bounce query: find the subscriber and the campaign, count the
// subscriber's bounces of the type (this one included), apply the action, insert the bounce.
func (lm *Listmonk) record(b listmonkIncoming) error {
	var campaign string
	if b.CampaignUUID != "" {
		if !listmonkUUID.MatchString(b.CampaignUUID) {
			return fmt.Errorf("error recording bounce: pq: invalid input syntax for type uuid: %q", b.CampaignUUID)
		}
		campaign = lm.campaigns[strings.ToLower(b.CampaignUUID)]
	}
	var sub *ListmonkSubscriber
	for _, s := range lm.subscribers {
		if b.SubscriberUUID != "" && strings.EqualFold(s.UUID, b.SubscriberUUID) || b.SubscriberUUID == "" && s.Email == b.Email {
			sub = s
		}
	}
	if sub == nil {
		return fmt.Errorf(`error recording bounce: pq: null value in column "subscriber_id" violates not-null constraint`)
	}
	var meta map[string]any
	json.Unmarshal(b.Meta, &meta)
	sub.Bounces[b.Type]++
	if a := lm.actions[b.Type]; a.Action == "blocklist" && sub.Bounces[b.Type] >= a.Count {
		sub.Status = "blocklisted"
	}
	lm.bounces = append(lm.bounces, ListmonkBounce{Subscriber: sub.Email, Campaign: campaign, Type: b.Type,
		Source: b.Source, Meta: meta, CreatedAt: b.CreatedAt})
	return nil
}
