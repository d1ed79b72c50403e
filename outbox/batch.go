package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/rebound/rebound/feedback"
	"github.com/rebound/rebound/internal/safefile"
)

// Batch queues the reports of many messages with one file and one round of syncs (group
// commit): Add keeps each report in memory, Commit writes them all into one batch file
// (batchfile.go) through tmp/, syncs it, renames it into new/ and syncs new/. A report is
// durable once Commit returns nil, exactly as after Enqueue; a crash before that leaves nothing
// in new/, at most a partial file in tmp/ that is never sent. A scan moves a batch's messages
// only after its Commit, so that each message is either where it was or moved with its reports
// queued.
type Batch struct {
	o   *Outbox
	buf []byte          // the staged reports, one entry per line
	ids map[string]bool // ids staged in this batch
	// batched are the ids of the batch files waiting in the outbox when the batch started, and
	// of this batch's commits: known to the outbox, though they have no file of their own.
	batched *idSet
	// claimed are the ids claimed in cur/ when the batch started or last committed.
	claimed map[string]bool
}

// NewBatch starts a batch of reports. It first removes from tmp/ the files that processes no
// longer running left there (killed before their Commit): they were never queued.
func (o *Outbox) NewBatch() *Batch {
	o.removeDeadStaging()
	return &Batch{o: o, ids: map[string]bool{}, batched: o.batchedIDs(), claimed: o.claimedIDs()}
}

// removeDeadStaging removes the files of tmp/ (named <id>.<pid>.<random>) whose process has
// ended.
func (o *Outbox) removeDeadStaging() {
	entries, err := os.ReadDir(filepath.Join(o.dir, "tmp"))
	if err != nil {
		return
	}
	for _, e := range entries {
		parts := strings.Split(e.Name(), ".")
		if len(parts) != 3 {
			continue
		}
		pid, err := strconv.Atoi(parts[1])
		if err != nil || pid <= 0 || pid == os.Getpid() || pidAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(o.dir, "tmp", e.Name()))
	}
}

// pidAlive tells whether a process pid runs (or may: one of another user).
func pidAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// Len is the number of reports staged.
func (b *Batch) Len() int { return len(b.ids) }

// Add stages r. It returns false, with no error, when the id is already known (waiting, being
// sent, sent or refused, or staged in this batch): the report is not queued again.
func (b *Batch) Add(r feedback.Report) (bool, error) {
	if !validID(r.ID) {
		return false, fmt.Errorf("outbox: bad report id %q", r.ID)
	}
	if b.ids[r.ID] || b.batched.has(r.ID) || b.o.knownClaimed(r.ID, b.claimed) {
		return false, nil
	}
	data, err := json.Marshal(entry{Report: r, QueuedAt: b.o.now().UTC()})
	if err != nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	b.buf = append(append(b.buf, data...), '\n')
	b.ids[r.ID] = true
	return true, nil
}

// Commit makes the staged reports durable: their batch file written to tmp/, synced, renamed
// into new/, and new/ synced. On error nothing of the batch may be counted on and the batch's
// messages must stay where they are. The batch is empty afterwards, ready for more.
func (b *Batch) Commit() error {
	buf, ids := b.buf, b.ids
	b.buf, b.ids = b.buf[:0], map[string]bool{}
	if len(ids) == 0 {
		return nil
	}
	name := newBatchName()
	tmp := b.o.path("tmp", name+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
	err := safefile.Create(tmp, b.o.path("new", name+batchSuffix), 0o640, func(w io.Writer) error {
		_, err := w.Write(buf)
		return err
	})
	if err != nil {
		return fmt.Errorf("outbox: queueing a batch of %d reports: %w", len(ids), err)
	}
	for id := range ids {
		b.batched.add(id)
	}
	b.claimed = b.o.claimedIDs()
	return nil
}

// Abort forgets the staged reports.
func (b *Batch) Abort() {
	b.buf, b.ids = b.buf[:0], map[string]bool{}
}

// ReporterBatch stages the reports of several messages for one group commit (see Batch). Without
// an outbox, or when the outbox cannot be written, reports are handled at once, as Queue does.
type ReporterBatch struct {
	r      *Reporter
	b      *Batch
	staged []feedback.Report
}

// NewBatch starts a batch of the reporter's reports.
func (r *Reporter) NewBatch() *ReporterBatch {
	rb := &ReporterBatch{r: r}
	if r.Outbox != nil {
		rb.b = r.Outbox.NewBatch()
	}
	return rb
}

// Len is the number of reports staged, waiting for Commit.
func (rb *ReporterBatch) Len() int { return len(rb.staged) }

// Stage stages reports in the outbox, durable after Commit. Reports known to the outbox are
// not queued again; a report the outbox cannot take is queued or sent at once as by Queue. It
// returns an error when some report was neither staged nor handled.
func (rb *ReporterBatch) Stage(ctx context.Context, reports []feedback.Report) error {
	if rb.b == nil {
		return rb.r.Queue(ctx, reports)
	}
	var lost []error
	for _, rp := range reports {
		added, err := rb.b.Add(rp)
		switch {
		case err != nil:
			slog.Error("outbox: could not stage a report, queueing it alone", "id", rp.ID, "err", err)
			if err := rb.r.Queue(ctx, []feedback.Report{rp}); err != nil {
				lost = append(lost, err)
			}
		case added:
			rb.staged = append(rb.staged, rp)
		default:
			rb.r.Counts.AlreadyReported++
			logReport(rp, outcomeAlreadyWord)
		}
	}
	if len(lost) > 0 {
		return fmt.Errorf("%d reports neither queued nor delivered: %w", len(lost), errors.Join(lost...))
	}
	return nil
}

// Commit makes the staged reports durable. On error the caller must leave the batch's messages
// where they are.
func (rb *ReporterBatch) Commit() error {
	staged := rb.staged
	rb.staged = nil
	if rb.b == nil {
		return nil
	}
	if err := rb.b.Commit(); err != nil {
		rb.r.Counts.NotHandled += len(staged)
		for _, rp := range staged {
			logReport(rp, outcomeNotSentWord)
		}
		return err
	}
	rb.r.Counts.Queued += len(staged)
	for _, rp := range staged {
		logReport(rp, outcomeQueuedWord)
	}
	return nil
}
