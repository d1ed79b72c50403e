package outbox

// A batch file holds the reports of a scan's batch (see Batch), one entry per line, in the
// format of a report file (entry):
//
//	new/batch-<time>-<pid>-<random>.batch        reports waiting, queued together
//	cur/batch-<time>-<pid>-<random>.batch.<pid>  a batch being sent, claimed like a report
//	cur/batch-<time>-<pid>-<random>.lock         its lock, held with flock(2) while it is sent
//
// A batch file is never changed: it is written whole (through tmp/, synced) and removed once
// every report in it is handled. A flush claims it as it claims a report, then sends its reports
// one at a time, each under its own id's lock, skipping the ids the outbox knows otherwise (sent,
// refused, or waiting in a file of their own); a report that is not delivered leaves the batch
// for a file of its own (new/<id>.json, with its attempts and backoff), as a report file is
// rewritten. Once every report is handled the batch is removed; when the flush stops before
// (its deadline, a configuration error), the reports not yet handled go back to new/ in a batch
// file of the same name. A flush killed meanwhile leaves its claim, put back by the next flush
// like a report's. The ids a batch file holds are known to the outbox (a scan does not queue
// them again).
//
// An older rebound leaves batch files alone (their names end neither in .json nor in .json.PID):
// they wait, whole, for a rebound that reads them.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/safefile"
)

const (
	batchSuffix = ".batch"
	batchPrefix = "batch-"
)

// newBatchName names a new batch file (without its suffix): its creation time first, so that
// batches sort in the order they were queued.
func newBatchName() string {
	return fmt.Sprintf("%s%d-%d-%s", batchPrefix, time.Now().UnixNano(), os.Getpid(), randomSuffix())
}

// batchName returns the name of the batch file name of new/ (without its suffix), or false for
// a file that is no batch.
func batchName(file string) (string, bool) {
	name, ok := strings.CutSuffix(file, batchSuffix)
	return name, ok && strings.HasPrefix(name, batchPrefix) && validID(name)
}

// batchClaim returns the batch name and pid of a claim of cur/ (<name>.batch.<pid>).
func batchClaim(file string) (name string, pid int, ok bool) {
	i := strings.LastIndex(file, batchSuffix+".")
	if i <= 0 {
		return "", 0, false
	}
	name = file[:i]
	pid, err := strconv.Atoi(file[i+len(batchSuffix)+1:])
	if err != nil || !strings.HasPrefix(name, batchPrefix) || !validID(name) {
		return "", 0, false
	}
	return name, pid, true
}

// readBatch reads the entries of a batch file; bad counts the lines that are no entry.
func readBatch(path string) (entries []entry, bad int, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	for line := range bytes.Lines(b) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var e entry
		if json.Unmarshal(line, &e) != nil || !validID(e.Report.ID) {
			bad++
			continue
		}
		entries = append(entries, e)
	}
	return entries, bad, nil
}

// batchLen counts the reports of a batch file without decoding them.
func batchLen(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	r := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := r.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: read its rest without counting it again.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
		}
		if err != nil {
			return n
		}
	}
}

// batchFiles lists the batch files waiting in new/ and claimed in cur/, as paths.
func (o *Outbox) batchFiles() []string {
	var out []string
	for _, pattern := range []string{"new/" + batchPrefix + "*" + batchSuffix, "cur/" + batchPrefix + "*" + batchSuffix + ".*"} {
		files, _ := filepath.Glob(filepath.Join(o.dir, pattern))
		out = append(out, files...)
	}
	return out
}

// batchedIDs returns the ids of the reports held in batch files.
func (o *Outbox) batchedIDs() *idSet {
	ids := newIDSet()
	for _, p := range o.batchFiles() {
		entries, _, _ := readBatch(p)
		for _, e := range entries {
			ids.add(e.Report.ID)
		}
	}
	return ids
}

// flushBatch sends the reports of the batch file name of new/ (see the comment at the top),
// counting each outcome with count; stopped says when to stop (the remaining reports are
// counted waiting and stay queued).
func (o *Outbox) flushBatch(ctx context.Context, file string, s feedback.Sender, stopped func() bool, count func(outcome, error), st *Stats) {
	name, _ := batchName(file)
	src := o.path("new", file)
	if stopped() {
		st.Waiting += batchLen(src)
		return
	}
	l, ok := o.tryLock(name)
	if !ok {
		return // another process is sending this batch
	}
	defer l.unlock()
	claim := o.path("cur", file+"."+strconv.Itoa(os.Getpid()))
	if err := os.Rename(src, claim); err != nil {
		return // sent by another process meanwhile
	}
	entries, bad, err := readBatch(claim)
	if err != nil {
		os.Rename(claim, src)
		slog.Error("outbox: a batch of reports cannot be read; it stays queued", "batch", file, "err", err)
		return
	}
	var left []entry // the reports not handled: still queued only in this batch
	for _, e := range entries {
		if stopped() {
			st.Waiting++
			left = append(left, e)
			continue
		}
		out, err, handled := o.deliverEntry(ctx, e, s)
		count(out, err)
		if !handled {
			left = append(left, e)
		}
	}
	switch {
	case len(left) == len(entries) && len(entries) > 0:
		os.Rename(claim, src) // nothing handled: back in line as it was
	case len(left) > 0:
		if err := o.writeBatch(file, left); err != nil {
			os.Rename(claim, src) // the whole batch back: its handled reports are skipped next time
			slog.Error("outbox: could not put a batch's remaining reports back", "batch", file, "err", err)
			return
		}
		os.Remove(claim)
	case bad > 0:
		if err := os.Rename(claim, o.path("failed", file)); err != nil {
			os.Rename(claim, src)
		}
		slog.Error("outbox: a batch of reports holds lines that are no report; kept in failed/", "batch", file, "lines", bad)
	default:
		os.Remove(claim)
	}
}

// writeBatch writes entries durably as the batch file new/<file>.
func (o *Outbox) writeBatch(file string, entries []entry) error {
	var buf []byte
	for _, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		buf = append(append(buf, b...), '\n')
	}
	tmp := o.path("tmp", strings.TrimSuffix(file, batchSuffix)+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
	return safefile.Create(tmp, o.path("new", file), 0o640, func(w io.Writer) error {
		_, err := w.Write(buf)
		return err
	})
}

// deliverEntry sends a report of a batch and records what became of it. handled is true once
// the report no longer needs the batch: delivered and recorded in sent/, refused and recorded,
// rescheduled in a file of its own, or known to the outbox otherwise (sent, refused, waiting in
// its own file, or being sent by another process from another copy, which stays queued until
// that process has handled it).
func (o *Outbox) deliverEntry(ctx context.Context, e entry, s feedback.Sender) (out outcome, err error, handled bool) {
	id := e.Report.ID
	if o.known(id) {
		return outcomeSkipped, nil, true
	}
	l, ok := o.tryLock(id)
	if !ok {
		return outcomeSkipped, nil, true
	}
	defer l.unlock()
	if o.known(id) {
		return outcomeSkipped, nil, true
	}
	err = s.Send(ctx, e.Report)
	if err == nil {
		if merr := o.markSent(id); merr != nil {
			slog.Error("outbox: report delivered but not recorded as sent; it stays queued", "id", id, "err", merr)
			return outcomeDelivered, nil, false
		}
		slog.Debug("report delivered", "id", id, "email", e.Report.Email, "type", e.Report.Type)
		return outcomeDelivered, nil, true
	}
	kind := feedback.KindOf(err)
	e.Attempts++
	e.LastError = err.Error()
	e.ErrorKind = kind.String()
	if kind == feedback.KindPermanent {
		// Kept in failed/ for inspection, and remembered as done.
		if b, merr := json.Marshal(e); merr == nil {
			tmp := o.path("tmp", id+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
			if werr := safefile.Create(tmp, o.path("failed", id+".json"), 0o640, func(w io.Writer) error { _, err := w.Write(b); return err }); werr != nil {
				slog.Error("outbox: could not keep a refused report in failed/", "id", id, "err", werr)
			}
		}
		slog.Error("report refused by the receiver, kept in failed/", "id", id, "email", e.Report.Email, "err", err)
		if merr := o.markSent(id); merr != nil {
			slog.Error("outbox: refused report not recorded as done", "id", id, "err", merr)
			return outcomeRejected, err, false
		}
		return outcomeRejected, err, true
	}
	wait, out := backoff(e.Attempts), outcomeRetry
	if kind == feedback.KindConfig {
		wait, out = ConfigBackoff, outcomeConfig
	}
	e.NextTry = o.now().Add(wait)
	if werr := o.write(id, e); werr != nil {
		slog.Error("outbox: could not reschedule report; it stays in its batch", "id", id, "err", werr)
		return out, err, false
	}
	if out == outcomeRetry {
		slog.Warn("report not delivered, will retry", "id", id, "attempts", e.Attempts, "next_try", e.NextTry, "err", err)
	}
	return out, err, true
}

// batchItems returns the reports of a batch file as the operator sees them (see List): those
// the outbox does not know otherwise, waiting, or being sent when the batch is claimed.
func (o *Outbox) batchItems(sub, file string) []Item {
	base := Item{State: StateWaiting, Path: o.path(sub, file)}
	if sub == "cur" {
		name, pid, ok := batchClaim(file)
		if !ok {
			return nil
		}
		base.State, base.ClaimPID = StateSending, pid
		if !o.lockHeld(name) {
			base.State = StateStale
		}
	} else if _, ok := batchName(file); !ok {
		return nil
	}
	fi, err := os.Stat(base.Path)
	if err != nil {
		return nil // moved meanwhile
	}
	base.Changed = fi.ModTime()
	entries, bad, err := readBatch(base.Path)
	var items []Item
	if err != nil || bad > 0 {
		it := base
		it.ID = strings.TrimSuffix(file, batchSuffix)
		if err == nil {
			err = fmt.Errorf("%d lines of the batch are no report", bad)
		}
		it.Err = err.Error()
		items = append(items, it)
	}
	for _, e := range entries {
		if o.known(e.Report.ID) {
			continue // sent, refused or rescheduled in its own file: listed there, if at all
		}
		it := base
		it.ID, it.Report, it.Attempts, it.QueuedAt = e.Report.ID, e.Report, e.Attempts, e.QueuedAt
		items = append(items, it)
	}
	return items
}
