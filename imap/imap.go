// Package imap scans an IMAP folder for bounces with go-imap v2: it searches on the server
// (sender, date), fetches each message with BODY.PEEK[] so that nothing is marked read, and moves
// the bounces to the backup folder with MOVE, or COPY + \Deleted + UID EXPUNGE of exactly those
// UIDs when the server lacks MOVE. A dropped connection is reopened and the scan resumes with the
// UIDs that remain.
package imap

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"slices"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/rebound/rebound/scan"
)

// Config says how to reach the folder.
type Config struct {
	Server       string // host:port
	Security     string // tls (default), starttls, none (127.0.0.1/localhost only)
	CAFile       string
	User         string
	Password     string
	Folder       string // default INBOX
	Backup       string // default Bounces.Processed
	Unrecognized string // optional folder for messages that are not bounces
	From         string // server-side FROM search (a plain text, e.g. "mailer-daemon"), or a complaint or SES notification; empty: all
	Since        time.Time
	DryRun       bool
	// Dial, for tests: how to open the TCP connection (default net.Dialer).
	Dial func(ctx context.Context, addr string) (net.Conn, error)
}

// Source is an IMAP folder to scan.
type Source struct {
	cfg      Config
	c        *imapclient.Client
	validity uint32 // UIDVALIDITY of the selected folder

	// Messages handled in the current batch, moved together when the batch ends.
	toBackup, toUnrecognized []goimap.UID
	// beforeMoves makes the batch's reports durable before its messages move (see
	// scan.MoveBatcher); may be nil.
	beforeMoves func() error
	// moving are the MOVE commands sent for the batch before, not answered yet: the server
	// moves one batch while the next is parsed and queued.
	moving []pendingMove
}

// pendingMove is a MOVE sent and not answered yet, with the list its UIDs go back to when it
// fails (to be sent again after a reconnection).
type pendingMove struct {
	cmd  *imapclient.MoveCommand
	uids []goimap.UID
	to   string
	list *[]goimap.UID
}

// BeforeMoves sets what runs before a batch of messages is moved: the scan's commit of their
// reports.
func (s *Source) BeforeMoves(commit func() error) { s.beforeMoves = commit }

// Connect logs in and selects the folder, creating the backup folder when missing.
func Connect(ctx context.Context, cfg Config) (*Source, error) {
	if cfg.Folder == "" {
		cfg.Folder = "INBOX"
	}
	if cfg.Backup == "" {
		cfg.Backup = "Bounces.Processed"
	}
	if cfg.Security == "" {
		cfg.Security = "tls"
	}
	s := &Source{cfg: cfg}
	if err := s.connect(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Source) connect(ctx context.Context) error {
	cfg := s.cfg
	host, _, err := net.SplitHostPort(cfg.Server)
	if err != nil {
		return fmt.Errorf("imap server %q: %w", cfg.Server, err)
	}
	if cfg.Security == "none" && !isLoopback(host) {
		return fmt.Errorf("--security none is only allowed to 127.0.0.1 or localhost, not %s", host)
	}
	tlsConf := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return fmt.Errorf("CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return fmt.Errorf("CA file %s: no certificate", cfg.CAFile)
		}
		tlsConf.RootCAs = pool
	}
	dial := cfg.Dial
	if dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second}
		dial = func(ctx context.Context, addr string) (net.Conn, error) { return d.DialContext(ctx, "tcp", addr) }
	}
	conn, err := dial(ctx, cfg.Server)
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", cfg.Server, err)
	}
	opts := &imapclient.Options{TLSConfig: tlsConf}
	var c *imapclient.Client
	switch cfg.Security {
	case "tls":
		c = imapclient.New(tls.Client(conn, tlsConf), opts)
	case "starttls":
		c, err = imapclient.NewStartTLS(conn, opts)
	case "none":
		c = imapclient.New(conn, opts)
	default:
		conn.Close()
		return fmt.Errorf("unknown --security %q (want tls, starttls or none)", cfg.Security)
	}
	if err != nil {
		conn.Close()
		return fmt.Errorf("STARTTLS with %s: %w", cfg.Server, err)
	}
	if err := c.Login(cfg.User, cfg.Password).Wait(); err != nil {
		c.Close()
		return fmt.Errorf("login to %s as %s: %w", cfg.Server, cfg.User, err)
	}
	if !cfg.DryRun {
		for _, f := range []string{cfg.Backup, cfg.Unrecognized} {
			if f != "" {
				if err := ensureMailbox(c, f); err != nil {
					c.Close()
					return err
				}
			}
		}
	}
	sel, err := c.Select(cfg.Folder, &goimap.SelectOptions{ReadOnly: cfg.DryRun}).Wait()
	if err != nil {
		c.Close()
		return fmt.Errorf("selecting %s: %w", cfg.Folder, err)
	}
	s.c, s.validity = c, sel.UIDValidity
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func ensureMailbox(c *imapclient.Client, name string) error {
	list, err := c.List("", name, nil).Collect()
	if err != nil {
		return fmt.Errorf("listing %s: %w", name, err)
	}
	if len(list) > 0 {
		return nil
	}
	if err := c.Create(name, nil).Wait(); err != nil {
		return fmt.Errorf("creating %s: %w", name, err)
	}
	return nil
}

// Close logs out.
func (s *Source) Close() error {
	if s.c == nil {
		return nil
	}
	s.c.Logout().Wait()
	return s.c.Close()
}

// senderFreeHeaders mark the messages a scan takes whatever their sender (scan.SenderFree): ARF
// complaints, Amazon SES notifications sent through SNS, unsubscribe requests. The server finds
// them beside the --from matches; the client then keeps only the real ones.
var senderFreeHeaders = []goimap.SearchCriteriaHeaderField{
	{Key: "Content-Type", Value: "feedback-report"},
	{Key: "From", Value: "sns.amazonaws.com"},
	{Key: "Subject", Value: "unsubscribe"},
}

// fromOrSenderFree is the search for messages from from, or marked by one of senderFreeHeaders.
func fromOrSenderFree(from string) [2]goimap.SearchCriteria {
	alt := goimap.SearchCriteria{Header: senderFreeHeaders[len(senderFreeHeaders)-1:]}
	for i := len(senderFreeHeaders) - 2; i >= 0; i-- {
		alt = goimap.SearchCriteria{Or: [][2]goimap.SearchCriteria{{{Header: senderFreeHeaders[i : i+1]}, alt}}}
	}
	return [2]goimap.SearchCriteria{{Header: []goimap.SearchCriteriaHeaderField{{Key: "From", Value: from}}}, alt}
}

// search returns the UIDs of the folder that match the filters, searched on the server.
func (s *Source) search() ([]goimap.UID, error) {
	crit := &goimap.SearchCriteria{}
	if s.cfg.From != "" {
		crit.Or = append(crit.Or, fromOrSenderFree(s.cfg.From))
	}
	if !s.cfg.Since.IsZero() {
		crit.Since = s.cfg.Since
	}
	data, err := s.c.UIDSearch(crit, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("UID SEARCH: %w", err)
	}
	return data.AllUIDs(), nil
}

// Count returns how many messages match the filters.
func (s *Source) Count() (int, error) {
	uids, err := s.search()
	return len(uids), err
}

// maxReconnects bounds the reconnections of one scan.
const maxReconnects = 5

// batchSize is how many messages one UID FETCH reads. While a batch is handled, the FETCH of
// the next one is already on the wire (see prefetch) and the MOVE of the one before is being
// done by the server (startMoves), so that the round trips overlap the parsing.
const batchSize = 200

// Walk yields the matching messages, fetched in batches. After a dropped connection it
// reconnects and goes on with the UIDs not yet handled (UIDs stay valid while UIDVALIDITY does).
func (s *Source) Walk(ctx context.Context, fn func(*scan.Message) error) error {
	uids, err := s.search()
	if err != nil {
		return err
	}
	validity := s.validity
	reconnects := 0
	var ahead *prefetch // the next batch's FETCH, sent before this batch is handled
	for len(uids) > 0 || len(s.toBackup)+len(s.toUnrecognized)+len(s.moving) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		err = nil
		if len(uids) > 0 {
			batch := uids[:min(batchSize, len(uids))]
			cur := ahead
			ahead = nil
			if cur == nil || !slices.Equal(cur.uids, batch) {
				cur = s.startFetch(batch)
			}
			<-cur.done
			bodies := cur.bodies
			err = cur.err
			if err == nil {
				if rest := uids[len(batch):]; len(rest) > 0 {
					ahead = s.startFetch(rest[:min(batchSize, len(rest))])
				}
				for _, uid := range batch {
					body, ok := bodies[uid]
					if !ok {
						slog.Warn("imap: message vanished before it was read", "uid", uid)
					} else if err = fn(s.message(uid, body)); err != nil {
						break
					}
					uids = uids[1:]
				}
			}
		}
		if err == nil && s.beforeMoves != nil {
			err = s.beforeMoves() // the batch's reports made durable ...
		}
		if err == nil {
			err = s.finishMoves() // (the batch before's MOVE answered) ...
		}
		if err == nil {
			err = s.startMoves() // ... then its messages moved
		}
		if err == nil {
			continue
		}
		if !isConnError(err) {
			return err
		}
		if reconnects >= maxReconnects {
			return fmt.Errorf("imap: connection lost %d times: %w", reconnects, err)
		}
		reconnects++
		slog.Warn("imap: connection lost, reconnecting", "err", err, "remaining", len(uids))
		ahead = nil // read on the lost connection: fetched again
		s.abandonMoves()
		s.c.Close()
		if err := s.connect(ctx); err != nil {
			return err
		}
		if s.validity != validity {
			return errors.New("imap: UIDVALIDITY changed while scanning; run the scan again")
		}
	}
	return nil
}

// startMoves moves the messages of the batch that was just handled: with MOVE, the commands
// are sent and answered later (finishMoves), while the next batch is handled; without it, COPY,
// STORE and UID EXPUNGE are done at once.
func (s *Source) startMoves() error {
	for _, m := range []struct {
		uids *[]goimap.UID
		to   string
	}{{&s.toBackup, s.cfg.Backup}, {&s.toUnrecognized, s.cfg.Unrecognized}} {
		if len(*m.uids) == 0 {
			continue
		}
		if s.c.Caps().Has(goimap.CapMove) {
			cmd := s.c.Move(goimap.UIDSetNum(*m.uids...), m.to)
			s.moving = append(s.moving, pendingMove{cmd: cmd, uids: *m.uids, to: m.to, list: m.uids})
		} else if err := s.move(*m.uids, m.to); err != nil {
			return err
		}
		*m.uids = nil
	}
	return nil
}

// finishMoves waits for the answers of the MOVE commands sent. The UIDs of one that failed go
// back to their list, to be moved again after a reconnection (a UID MOVE of messages already
// moved moves nothing).
func (s *Source) finishMoves() error {
	moving := s.moving
	s.moving = nil
	var first error
	for _, m := range moving {
		if _, err := m.cmd.Wait(); err != nil {
			*m.list = append(*m.list, m.uids...)
			if first == nil {
				first = fmt.Errorf("MOVE to %s: %w", m.to, err)
			}
		}
	}
	return first
}

// abandonMoves puts the UIDs of the MOVE commands sent on a lost connection back to their
// lists, to be moved again.
func (s *Source) abandonMoves() {
	for _, m := range s.moving {
		*m.list = append(*m.list, m.uids...)
	}
	s.moving = nil
}

// isConnError tells a dropped connection from a refusal of the server or a stop of the walk.
func isConnError(err error) bool {
	var imapErr *goimap.Error
	if errors.As(err, &imapErr) {
		return false
	}
	return err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, scan.ErrLimit)
}

// prefetch is a UID FETCH of a batch, read by a goroutine of its own: the server streams a
// batch while the one before it is parsed and queued (the responses must be read as they come,
// or they would hold up the commands sent after, such as MOVE).
type prefetch struct {
	uids   []goimap.UID
	bodies map[goimap.UID][]byte
	err    error
	done   chan struct{} // closed once bodies and err are set
}

// startFetch sends the FETCH of uids with BODY.PEEK[] (the \Seen flag is not set).
func (s *Source) startFetch(uids []goimap.UID) *prefetch {
	p := &prefetch{uids: uids, done: make(chan struct{})}
	section := &goimap.FetchItemBodySection{Peek: true}
	cmd := s.c.Fetch(goimap.UIDSetNum(uids...), &goimap.FetchOptions{UID: true, BodySection: []*goimap.FetchItemBodySection{section}})
	go func() {
		defer close(p.done)
		msgs, err := cmd.Collect()
		if err != nil {
			p.err = err
			return
		}
		p.bodies = make(map[goimap.UID][]byte, len(msgs))
		for _, m := range msgs {
			p.bodies[m.UID] = m.FindBodySection(section)
		}
	}()
	return p
}

func (s *Source) message(uid goimap.UID, body []byte) *scan.Message {
	m := &scan.Message{
		Name: fmt.Sprintf("imap://%s/%s;UID=%d", s.cfg.Server, s.cfg.Folder, uid),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil },
		// Moved with the rest of the batch, once the batch's reports are all queued.
		Backup: func() error { s.toBackup = append(s.toBackup, uid); return nil },
	}
	if s.cfg.Unrecognized != "" {
		m.Unrecognized = func() error { s.toUnrecognized = append(s.toUnrecognized, uid); return nil }
	}
	return m
}

// move moves messages: MOVE when the server has it, else COPY, \Deleted and UID EXPUNGE of
// those UIDs only (never a plain EXPUNGE, which would remove other messages marked deleted).
func (s *Source) move(uids []goimap.UID, to string) error {
	set := goimap.UIDSetNum(uids...)
	if s.c.Caps().Has(goimap.CapMove) {
		if _, err := s.c.Move(set, to).Wait(); err != nil {
			return fmt.Errorf("MOVE to %s: %w", to, err)
		}
		return nil
	}
	if !s.c.Caps().Has(goimap.CapUIDPlus) {
		return fmt.Errorf("server has neither MOVE nor UIDPLUS: will not expunge, messages %v left in place", uids)
	}
	if _, err := s.c.Copy(set, to).Wait(); err != nil {
		return fmt.Errorf("COPY to %s: %w", to, err)
	}
	if err := s.c.Store(set, &goimap.StoreFlags{Op: goimap.StoreFlagsAdd, Silent: true, Flags: []goimap.Flag{goimap.FlagDeleted}}, nil).Close(); err != nil {
		return fmt.Errorf("STORE \\Deleted: %w", err)
	}
	if err := s.c.UIDExpunge(set).Close(); err != nil {
		return fmt.Errorf("UID EXPUNGE: %w", err)
	}
	return nil
}
