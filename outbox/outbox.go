// Package outbox is a durable, crash-safe spool of reports waiting to be delivered, laid out like
// a Maildir so that several processes may share it:
//
//	tmp/     reports being written
//	new/     reports waiting, one file per report id (<id>.json)
//	cur/     reports claimed by a flushing process (<id>.json.<pid>)
//	failed/  reports the receiver refused for good, with the reason
//	sent/    an empty file per delivered id: a report already sent is never queued again
//
// A report is written to tmp/, synced, renamed into new/ and the directory synced: once Enqueue
// returns, the report survives a crash. Flush claims a report by renaming it into cur/ (only one
// process can win the rename), sends it, records its id in sent/ and removes it. A claim left by
// a process that died is put back into new/. Delivery is at least once: a process killed after
// the receiver accepted a report but before sent/ was written sends it again, with the same id
// (and Idempotency-Key), so that the receiver sees it once.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rebound/rebound/feedback"
)

// Outbox is an open spool directory.
type Outbox struct {
	dir string
	now func() time.Time

	// RetryNow makes Flush send reports whose backoff has not ended yet.
	RetryNow bool
	// SentRetention is how long the id of a delivered report is remembered (so that a rescan
	// does not report it again); older entries of sent/ are pruned by Flush. Default 180 days.
	SentRetention time.Duration
}

// entry is the file format of a queued report.
type entry struct {
	Report    feedback.Report `json:"report"`
	Attempts  int             `json:"attempts"`
	NextTry   time.Time       `json:"next_try,omitempty"`
	LastError string          `json:"last_error,omitempty"`
	QueuedAt  time.Time       `json:"queued_at"`
}

var subdirs = []string{"tmp", "new", "cur", "failed", "sent"}

// Open opens the outbox in dir, creating it when missing.
func Open(dir string) (*Outbox, error) {
	for _, d := range subdirs {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o750); err != nil {
			return nil, fmt.Errorf("outbox: %w", err)
		}
	}
	return &Outbox{dir: dir, now: time.Now}, nil
}

// Dir returns the outbox directory.
func (o *Outbox) Dir() string { return o.dir }

func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (o *Outbox) path(sub, name string) string { return filepath.Join(o.dir, sub, name) }

// Enqueue writes r durably. A report whose id is waiting, being sent or already sent is not
// queued again.
func (o *Outbox) Enqueue(r feedback.Report) error {
	if !validID(r.ID) {
		return fmt.Errorf("outbox: bad report id %q", r.ID)
	}
	if o.known(r.ID) {
		return nil
	}
	return o.write(r.ID, entry{Report: r, QueuedAt: o.now().UTC()})
}

// known reports whether id is waiting, claimed or sent. The order of the checks follows the
// order of a report's moves (new/, then cur/, then sent/ written before the claim is removed),
// so that a report moving meanwhile is still seen.
func (o *Outbox) known(id string) bool {
	if _, err := os.Stat(o.path("new", id+".json")); err == nil {
		return true
	}
	if claimed, _ := filepath.Glob(o.path("cur", id+".json.*")); len(claimed) > 0 {
		return true
	}
	_, err := os.Stat(o.path("sent", id))
	return err == nil
}

// write puts e into new/<id>.json through tmp/, synced.
func (o *Outbox) write(id string, e entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	tmp := o.path("tmp", id+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if _, err = f.Write(b); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, o.path("new", id+".json"))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("outbox: writing report %s: %w", id, err)
	}
	return syncDir(filepath.Join(o.dir, "new"))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("outbox: syncing %s: %w", dir, err)
	}
	return nil
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Stats counts what a Flush did.
type Stats struct {
	Delivered, Rejected, Retry, Waiting int
}

// Flush sends the reports that are due through s: delivered ones leave the outbox, permanently
// rejected ones go to failed/, the others stay with an exponential backoff (1 minute doubling,
// at most 6 hours). It stops early, leaving the rest waiting, when ctx ends.
func (o *Outbox) Flush(ctx context.Context, s feedback.Sender) (Stats, error) {
	var st Stats
	o.recoverStale()
	o.pruneSent()
	entries, err := os.ReadDir(filepath.Join(o.dir, "new"))
	if err != nil {
		return st, fmt.Errorf("outbox: %w", err)
	}
	for _, de := range entries {
		if ctx.Err() != nil {
			st.Waiting++
			continue
		}
		name := de.Name()
		id, ok := strings.CutSuffix(name, ".json")
		if !ok || !validID(id) {
			continue
		}
		switch o.flushOne(ctx, id, s) {
		case outcomeDelivered:
			st.Delivered++
		case outcomeRejected:
			st.Rejected++
		case outcomeRetry:
			st.Retry++
		case outcomeNotDue:
			st.Waiting++
		}
	}
	if st.Retry > 0 {
		return st, fmt.Errorf("outbox: %d reports could not be delivered yet", st.Retry)
	}
	return st, nil
}

type outcome int

const (
	outcomeSkipped outcome = iota
	outcomeDelivered
	outcomeRejected
	outcomeRetry
	outcomeNotDue
)

func (o *Outbox) flushOne(ctx context.Context, id string, s feedback.Sender) outcome {
	src := o.path("new", id+".json")
	b, err := os.ReadFile(src)
	if err != nil {
		return outcomeSkipped // claimed by another process meanwhile
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		slog.Error("outbox: unreadable report, moved to failed/", "id", id, "err", err)
		os.Rename(src, o.path("failed", id+".json"))
		return outcomeRejected
	}
	if !o.RetryNow && !e.NextTry.IsZero() && o.now().Before(e.NextTry) {
		return outcomeNotDue
	}
	unlock, ok := o.lock(id)
	if !ok {
		return outcomeSkipped // another process is sending this report
	}
	defer unlock()
	if _, err := os.Stat(o.path("sent", id)); err == nil {
		os.Remove(src) // queued again while it was being delivered: already done
		return outcomeSkipped
	}
	claim := o.path("cur", id+".json."+strconv.Itoa(os.Getpid()))
	if err := os.Rename(src, claim); err != nil {
		return outcomeSkipped // another process won the claim
	}
	err = s.Send(ctx, e.Report)
	switch {
	case err == nil:
		if err := o.markSent(id); err != nil {
			slog.Error("outbox: report delivered but not recorded as sent", "id", id, "err", err)
		}
		os.Remove(claim)
		slog.Debug("report delivered", "id", id, "email", e.Report.Email, "type", e.Report.Type)
		return outcomeDelivered
	case feedback.IsPermanent(err):
		e.LastError = err.Error()
		if b, merr := json.Marshal(e); merr == nil {
			os.WriteFile(claim, b, 0o640)
		}
		os.Rename(claim, o.path("failed", id+".json"))
		slog.Error("report refused by the receiver, kept in failed/", "id", id, "email", e.Report.Email, "err", err)
		return outcomeRejected
	default:
		e.Attempts++
		e.LastError = err.Error()
		e.NextTry = o.now().Add(backoff(e.Attempts))
		if werr := o.write(id, e); werr != nil {
			// Keep the claim's content: put it back as it was.
			os.Rename(claim, src)
			slog.Error("outbox: could not reschedule report", "id", id, "err", werr)
			return outcomeRetry
		}
		os.Remove(claim)
		slog.Warn("report not delivered, will retry", "id", id, "attempts", e.Attempts, "next_try", e.NextTry, "err", err)
		return outcomeRetry
	}
}

// lock takes the per-id lock cur/<id>.lock, so that one process at a time sends a report. A
// lock left by a process that died is taken over.
func (o *Outbox) lock(id string) (unlock func(), ok bool) {
	p := o.path("cur", id+".lock")
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
		if err == nil {
			f.WriteString(strconv.Itoa(os.Getpid()))
			f.Close()
			return func() { os.Remove(p) }, true
		}
		b, rerr := os.ReadFile(p)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
		if rerr != nil || perr != nil || processAlive(pid) {
			return nil, false
		}
		os.Remove(p) // stale
	}
	return nil, false
}

// backoff is the wait before attempt n+1: one minute doubling, at most six hours.
func backoff(n int) time.Duration {
	d := time.Minute << min(n-1, 10)
	return min(d, 6*time.Hour)
}

func (o *Outbox) markSent(id string) error {
	p := o.path("sent", id)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Join(o.dir, "sent"))
}

// pruneSent forgets the ids delivered longer ago than the retention.
func (o *Outbox) pruneSent() {
	keep := o.SentRetention
	if keep <= 0 {
		keep = 180 * 24 * time.Hour
	}
	d, err := os.Open(filepath.Join(o.dir, "sent"))
	if err != nil {
		return
	}
	defer d.Close()
	cutoff := o.now().Add(-keep)
	for {
		entries, err := d.ReadDir(1024)
		for _, e := range entries {
			if info, ierr := e.Info(); ierr == nil && info.ModTime().Before(cutoff) {
				os.Remove(filepath.Join(o.dir, "sent", e.Name()))
			}
		}
		if err != nil {
			return
		}
	}
}

// recoverStale puts back into new/ the claims of processes that no longer run.
func (o *Outbox) recoverStale() {
	claims, _ := filepath.Glob(o.path("cur", "*.json.*"))
	for _, c := range claims {
		base := filepath.Base(c)
		i := strings.LastIndexByte(base, '.')
		pid, err := strconv.Atoi(base[i+1:])
		if err != nil || processAlive(pid) {
			continue
		}
		id := strings.TrimSuffix(base[:i], ".json")
		if _, err := os.Stat(o.path("sent", id)); err == nil {
			os.Remove(c) // delivered and recorded: the claim is only a leftover
			continue
		}
		if err := os.Rename(c, o.path("new", id+".json")); err == nil {
			slog.Warn("outbox: recovered a report claimed by a process that died", "id", id, "pid", pid)
		}
	}
}

func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// Pending counts the reports waiting in new/ and cur/, and those in failed/.
func (o *Outbox) Pending() (waiting, failed int, err error) {
	for _, pattern := range []string{"new/*.json", "cur/*.json.*"} {
		files, err := filepath.Glob(filepath.Join(o.dir, pattern))
		if err != nil {
			return 0, 0, err
		}
		waiting += len(files)
	}
	es, err := os.ReadDir(filepath.Join(o.dir, "failed"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, 0, err
	}
	return waiting, len(es), nil
}
