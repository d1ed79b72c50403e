package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/rebound/rebound/feedback"
)

// Batch queues the reports of many messages with one round of syncs (group commit): Add writes
// each report to tmp/ without syncing it, Commit syncs them all (in parallel, so that the file
// system's journal commits them together), renames them into new/ and syncs new/ once. A report
// is durable once Commit returns nil, exactly as after Enqueue; a crash before that leaves it
// in tmp/ at most, never half-written in new/. A scan moves a batch's messages only after its
// Commit, so that each message is either where it was or moved with its reports queued.
type Batch struct {
	o     *Outbox
	files []stagedReport
	ids   map[string]bool // ids staged in this batch
}

// stagedReport is a report written to tmp/, not yet synced.
type stagedReport struct {
	id  string
	tmp string
	f   *os.File
}

// syncers is how many files Commit syncs at once.
const syncers = 32

// NewBatch starts a batch of reports. It first removes from tmp/ the reports that processes no
// longer running left there (killed before their Commit): they were never queued.
func (o *Outbox) NewBatch() *Batch {
	o.removeDeadStaging()
	return &Batch{o: o, ids: map[string]bool{}}
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
func (b *Batch) Len() int { return len(b.files) }

// Add stages r. It returns false, with no error, when the id is already known (waiting, being
// sent, sent or refused, or staged in this batch): the report is not queued again.
func (b *Batch) Add(r feedback.Report) (bool, error) {
	if !validID(r.ID) {
		return false, fmt.Errorf("outbox: bad report id %q", r.ID)
	}
	if b.ids[r.ID] || b.o.known(r.ID) {
		return false, nil
	}
	data, err := json.Marshal(entry{Report: r, QueuedAt: b.o.now().UTC()})
	if err != nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	tmp := b.o.path("tmp", r.ID+"."+strconv.Itoa(os.Getpid())+"."+randomSuffix())
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return false, fmt.Errorf("outbox: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return false, fmt.Errorf("outbox: writing report %s: %w", r.ID, err)
	}
	b.files = append(b.files, stagedReport{id: r.ID, tmp: tmp, f: f})
	b.ids[r.ID] = true
	return true, nil
}

// Commit makes the staged reports durable: every file synced, then renamed into new/, then new/
// synced. On error nothing of the batch may be counted on (some reports may have reached new/,
// where a later Enqueue or Add finds them) and the batch's messages must stay where they are.
// The batch is empty afterwards, ready for more.
func (b *Batch) Commit() error {
	files := b.files
	b.files, b.ids = nil, map[string]bool{}
	if len(files) == 0 {
		return nil
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(syncers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				err := files[i].f.Sync()
				if cerr := files[i].f.Close(); err == nil {
					err = cerr
				}
				errs[i] = err
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.discard(files)
		return fmt.Errorf("outbox: syncing %d reports: %w", len(files), err)
	}
	for i, s := range files {
		if err := os.Rename(s.tmp, b.o.path("new", s.id+".json")); err != nil {
			b.discard(files[i:])
			return fmt.Errorf("outbox: queueing report %s: %w", s.id, err)
		}
	}
	return syncDir(filepath.Join(b.o.dir, "new"))
}

// Abort removes the staged reports.
func (b *Batch) Abort() {
	for _, s := range b.files {
		s.f.Close()
	}
	b.discard(b.files)
	b.files, b.ids = nil, map[string]bool{}
}

func (b *Batch) discard(files []stagedReport) {
	for _, s := range files {
		if err := os.Remove(s.tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
			slog.Warn("outbox: could not remove a report left in tmp/", "file", s.tmp, "err", err)
		}
	}
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
