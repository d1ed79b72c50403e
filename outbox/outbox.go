// Package outbox is a durable, crash-safe spool of reports waiting to be delivered, laid out like
// a Maildir so that several processes may share it:
//
//	tmp/                  reports being written
//	new/                  reports waiting, one file per report id (<id>.json), or a scan's
//	                      reports queued together in a batch file (batch-….batch, batchfile.go)
//	cur/                  reports being sent: the claim <id>.json.<pid> and the lock <id>.lock
//	                      (a batch's: batch-….batch.<pid> and batch-….lock)
//	failed/               reports the receiver refused for good (400, 413, 422), with the reason
//	sent/                 an empty file per id delivered or refused for good: never queued again
//	sentdays/YYYYMMDD/    the same ids by the day they were recorded, to forget them after
//	                      SentRetention one day at a time (see sent.go)
//
// A report is written to tmp/, synced, renamed into new/ and the directory synced: once Enqueue
// returns, the report survives a crash. Flush takes the report's lock (flock(2) on
// cur/<id>.lock, which the kernel releases when its holder dies, however it dies), claims the
// report by renaming it into cur/, sends it, records its id in sent/ and removes it. A claim
// whose lock nobody holds was left by a process that died: the next flush puts it back into new/.
// An empty or old lock file is no obstacle: only a held lock counts. Delivery is at least once: a
// process killed after the receiver accepted a report but before sent/ was written sends it
// again, with the same id (and Idempotency-Key), so that the receiver sees it once.
//
// A delivery error is temporary (retried with a backoff of 1 minute doubling, at most 6 hours),
// a configuration error (the report stays waiting, retried after ConfigBackoff; the flush stops
// at the first one, since every report would fail the same way) or permanent (the report goes
// to failed/ and its id is remembered as if sent). List (admin.go) shows what the outbox holds;
// StaleClaims the claims of processes that died.
//
// Older outboxes (sent/ without sentdays/, lock files holding a pid) are read as they are: the
// first Flush indexes their sent/ ids by their files' time.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/safefile"
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

// ConfigBackoff is how long a report waits after a configuration error (a redirect, 401, 403,
// 404…) before it is tried again; `rebound flush --now` tries at once, once the setup is fixed.
const ConfigBackoff = time.Hour

// entry is the file format of a queued report.
type entry struct {
	Report    feedback.Report `json:"report"`
	Attempts  int             `json:"attempts"`
	NextTry   time.Time       `json:"next_try,omitempty"`
	LastError string          `json:"last_error,omitempty"`
	ErrorKind string          `json:"error_kind,omitempty"` // feedback.ErrorKind of LastError
	QueuedAt  time.Time       `json:"queued_at"`
}

var subdirs = []string{"tmp", "new", "cur", "failed", "sent", sentDaysDir}

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

// known reports whether id is waiting, claimed, sent or refused. The order of the checks follows
// the order of a report's moves (new/, then cur/, then failed/ and sent/ written before the
// claim is removed), so that a report moving meanwhile is still seen.
func (o *Outbox) known(id string) bool {
	if o.queued(id) {
		return true
	}
	if _, err := os.Stat(o.path("failed", id+".json")); err == nil {
		return true
	}
	return o.isSent(id)
}

// queued reports whether id waits in new/ or is claimed in cur/.
func (o *Outbox) queued(id string) bool {
	if _, err := os.Stat(o.path("new", id+".json")); err == nil {
		return true
	}
	claimed, _ := filepath.Glob(o.path("cur", id+".json.*"))
	return len(claimed) > 0
}

// claimedIDs returns the ids claimed in cur/ now, for knownClaimed.
func (o *Outbox) claimedIDs() map[string]bool {
	ids := map[string]bool{}
	names, _ := readDirNames(filepath.Join(o.dir, "cur"))
	for _, n := range names {
		if id, ok := claimID(n); ok {
			ids[id] = true
		}
	}
	return ids
}

// knownClaimed is known with the claims of cur/ taken from claimed, a listing made a moment
// before, instead of a listing of cur/ for each id: a scan checks thousands of ids. A report
// claimed since the listing was in new/ when it was made, or is sent by now; one that moved
// between the two checks may be queued again, under its id, which a flush never sends twice.
func (o *Outbox) knownClaimed(id string, claimed map[string]bool) bool {
	if _, err := os.Stat(o.path("new", id+".json")); err == nil || claimed[id] {
		return true
	}
	if _, err := os.Stat(o.path("failed", id+".json")); err == nil {
		return true
	}
	return o.isSent(id)
}

func readDirNames(dir string) ([]string, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return d.Readdirnames(-1)
}

// write puts e into new/<id>.json through tmp/, synced.
func (o *Outbox) write(id string, e entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	tmp := o.path("tmp", id+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
	err = safefile.Create(tmp, o.path("new", id+".json"), 0o640, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return fmt.Errorf("outbox: writing report %s: %w", id, err)
	}
	return nil
}

func syncDir(dir string) error {
	if err := safefile.SyncDir(dir); err != nil {
		return fmt.Errorf("outbox: %w", err)
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
	Delivered int // accepted by the receiver
	Rejected  int // refused for good: moved to failed/
	Retry     int // temporary failure: waiting for their backoff
	Config    int // configuration error: waiting for ConfigBackoff (at most one per flush)
	Waiting   int // not tried: backoff not ended, or the flush stopped first
}

// Flush sends the reports that are due through s, after putting back the claims of processes
// that died and forgetting the sent ids older than SentRetention. It stops early, leaving the
// rest waiting, when ctx ends or at the first configuration error.
func (o *Outbox) Flush(ctx context.Context, s feedback.Sender) (Stats, error) {
	o.recoverStale()
	o.pruneSent()
	entries, err := os.ReadDir(filepath.Join(o.dir, "new"))
	if err != nil {
		return Stats{}, fmt.Errorf("outbox: %w", err)
	}
	var ids, batches []string
	for _, de := range entries {
		if id, ok := strings.CutSuffix(de.Name(), ".json"); ok && validID(id) {
			ids = append(ids, id)
		} else if _, ok := batchName(de.Name()); ok {
			batches = append(batches, de.Name())
		}
	}
	return o.send(ctx, s, ids, batches)
}

// FlushIDs sends the reports ids that are waiting and due, and nothing else: `rebound pipe`
// sends the reports of its own message this way, never the backlog. It stops like Flush.
func (o *Outbox) FlushIDs(ctx context.Context, s feedback.Sender, ids []string) (Stats, error) {
	var valid []string
	for _, id := range ids {
		if validID(id) {
			valid = append(valid, id)
		}
	}
	return o.send(ctx, s, valid, nil)
}

// send sends the reports ids, then those of the batch files batches (file names of new/).
func (o *Outbox) send(ctx context.Context, s feedback.Sender, ids, batches []string) (Stats, error) {
	var st Stats
	var configErr error
	stopped := func() bool { return ctx.Err() != nil || configErr != nil }
	count := func(out outcome, err error) {
		switch out {
		case outcomeDelivered:
			st.Delivered++
		case outcomeRejected:
			st.Rejected++
		case outcomeRetry:
			st.Retry++
		case outcomeConfig:
			st.Config++
			configErr = err
		case outcomeNotDue:
			st.Waiting++
		}
	}
	for _, id := range ids {
		if stopped() {
			st.Waiting++
			continue
		}
		out, err := o.flushOne(ctx, id, s)
		count(out, err)
	}
	for _, file := range batches {
		o.flushBatch(ctx, file, s, stopped, count, &st)
	}
	if configErr != nil {
		fix := ""
		if c, ok := feedback.AsConfig(configErr); ok {
			fix = c.Fix
		}
		slog.Error("reports cannot be delivered until the configuration is fixed; they stay in the outbox",
			"fix", fix, "err", configErr, "waiting", st.Config+st.Waiting+st.Retry, "retry_in", ConfigBackoff)
		return st, fmt.Errorf("outbox: reports kept until the configuration is fixed: %w", configErr)
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
	outcomeConfig
	outcomeNotDue
)

func (o *Outbox) due(e entry) bool {
	return o.RetryNow || e.NextTry.IsZero() || !o.now().Before(e.NextTry)
}

// flushOne sends report id if it waits in new/ and is due. The error is the delivery's.
func (o *Outbox) flushOne(ctx context.Context, id string, s feedback.Sender) (outcome, error) {
	src := o.path("new", id+".json")
	b, err := os.ReadFile(src)
	if err != nil {
		return outcomeSkipped, nil // not waiting (claimed by another process meanwhile)
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		slog.Error("outbox: unreadable report, moved to failed/", "id", id, "err", err)
		os.Rename(src, o.path("failed", id+".json"))
		return outcomeRejected, nil
	}
	if !o.due(e) {
		return outcomeNotDue, nil
	}
	l, ok := o.tryLock(id)
	if !ok {
		return outcomeSkipped, nil // another process is sending this report
	}
	defer l.unlock()
	if o.isSent(id) {
		os.Remove(src) // queued again while it was being delivered: already done
		return outcomeSkipped, nil
	}
	claim := o.path("cur", id+".json."+strconv.Itoa(os.Getpid()))
	if err := os.Rename(src, claim); err != nil {
		return outcomeSkipped, nil // another process sent it meanwhile
	}
	now := o.now()
	os.Chtimes(claim, now, now) // the claim's time is when it was taken (see Entries)
	// Read it again: another process may have tried it (and set its backoff) since.
	if b, err := os.ReadFile(claim); err == nil {
		var again entry
		if json.Unmarshal(b, &again) == nil {
			e = again
		}
	}
	if !o.due(e) {
		os.Rename(claim, src)
		return outcomeNotDue, nil
	}
	err = s.Send(ctx, e.Report)
	if err == nil {
		if err := o.markSent(id); err != nil {
			slog.Error("outbox: report delivered but not recorded as sent", "id", id, "err", err)
		}
		os.Remove(claim)
		slog.Debug("report delivered", "id", id, "email", e.Report.Email, "type", e.Report.Type)
		return outcomeDelivered, nil
	}
	kind := feedback.KindOf(err)
	e.Attempts++
	e.LastError = err.Error()
	e.ErrorKind = kind.String()
	if kind == feedback.KindPermanent {
		// Kept in failed/ for inspection, and remembered as done: the same bounce seen again
		// is not sent again.
		if b, merr := json.Marshal(e); merr == nil {
			os.WriteFile(claim, b, 0o640)
		}
		if rerr := os.Rename(claim, o.path("failed", id+".json")); rerr != nil {
			slog.Error("outbox: could not move a refused report to failed/", "id", id, "err", rerr)
		}
		if merr := o.markSent(id); merr != nil {
			slog.Error("outbox: refused report not recorded as done", "id", id, "err", merr)
		}
		slog.Error("report refused by the receiver, kept in failed/", "id", id, "email", e.Report.Email, "err", err)
		return outcomeRejected, err
	}
	wait, out := backoff(e.Attempts), outcomeRetry
	if kind == feedback.KindConfig {
		wait, out = ConfigBackoff, outcomeConfig
	}
	e.NextTry = o.now().Add(wait)
	if werr := o.write(id, e); werr != nil {
		// Keep the claim's content: put it back as it was.
		os.Rename(claim, src)
		slog.Error("outbox: could not reschedule report", "id", id, "err", werr)
		return out, err
	}
	os.Remove(claim)
	if out == outcomeRetry {
		slog.Warn("report not delivered, will retry", "id", id, "attempts", e.Attempts, "next_try", e.NextTry, "err", err)
	}
	return out, err
}

// backoff is the wait before attempt n+1: one minute doubling, at most six hours.
func backoff(n int) time.Duration {
	d := time.Minute << min(n-1, 10)
	return min(d, 6*time.Hour)
}

// recoverStale puts back into new/ the claims whose lock nobody holds: their process died. It
// also removes lock files nobody holds and no claim needs.
func (o *Outbox) recoverStale() {
	claims, _ := filepath.Glob(o.path("cur", "*.json.*"))
	for _, c := range claims {
		id, ok := claimID(filepath.Base(c))
		if !ok || !validID(id) {
			continue
		}
		l, ok := o.tryLock(id)
		if !ok {
			continue // its sender is alive
		}
		if _, err := os.Stat(c); err != nil {
			l.unlock() // finished meanwhile
			continue
		}
		if o.isSent(id) {
			os.Remove(c) // delivered and recorded: the claim is only a leftover
		} else if err := os.Rename(c, o.path("new", id+".json")); err == nil {
			slog.Warn("outbox: recovered a report claimed by a process that died", "id", id, "claim", filepath.Base(c))
		}
		l.unlock()
	}
	batches, _ := filepath.Glob(o.path("cur", batchPrefix+"*"+batchSuffix+".*"))
	for _, c := range batches {
		name, _, ok := batchClaim(filepath.Base(c))
		if !ok {
			continue
		}
		l, ok := o.tryLock(name)
		if !ok {
			continue // its sender is alive
		}
		if err := os.Rename(c, o.path("new", name+batchSuffix)); err == nil {
			slog.Warn("outbox: recovered a batch of reports claimed by a process that died", "batch", filepath.Base(c))
		}
		l.unlock()
	}
	locks, _ := filepath.Glob(o.path("cur", "*.lock"))
	for _, p := range locks {
		id := strings.TrimSuffix(filepath.Base(p), ".lock")
		if !validID(id) {
			continue
		}
		if l, ok := o.tryLock(id); ok {
			l.unlock()
		}
	}
}

// Pending counts the reports waiting in new/ and cur/ (in files of their own and in batch
// files), and those in failed/. A batch whose flush was killed midway counts its reports whole
// until the next flush.
func (o *Outbox) Pending() (waiting, failed int, err error) {
	for _, pattern := range []string{"new/*.json", "cur/*.json.*"} {
		files, err := filepath.Glob(filepath.Join(o.dir, pattern))
		if err != nil {
			return 0, 0, err
		}
		waiting += len(files)
	}
	for _, p := range o.batchFiles() {
		waiting += batchLen(p)
	}
	es, err := os.ReadDir(filepath.Join(o.dir, "failed"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, 0, err
	}
	return waiting, len(es), nil
}
