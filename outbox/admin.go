package outbox

// The operator's view of an outbox: list what it holds, show one report, put refused reports
// back in line, forget old refusals, and say whether a user can write it. Nothing here creates
// an outbox; OpenExisting opens one read-only as far as the caller does not ask for changes.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rebound/rebound/feedback"
)

// State says where a report stands.
type State string

// States of a report, in the order List gives them.
const (
	StateWaiting State = "waiting" // in new/, due at the next flush
	StateHeld    State = "held"    // in new/, held back until its retry time after failed attempts
	StateSending State = "sending" // claimed in cur/ by a flush that is running (it holds the id's lock)
	StateStale   State = "stale"   // claimed in cur/ by a process that died (nobody holds the lock); the next flush puts it back
	StateFailed  State = "failed"  // in failed/: the receiver refused it for good
)

var stateOrder = map[State]int{StateStale: 0, StateSending: 1, StateWaiting: 2, StateHeld: 3, StateFailed: 4}

// Item is one report of the outbox, as an operator sees it.
type Item struct {
	ID        string          `json:"id"`
	State     State           `json:"state"`
	Report    feedback.Report `json:"report"`
	Attempts  int             `json:"attempts"`
	NextTry   time.Time       `json:"next_try,omitzero"`
	LastError string          `json:"last_error,omitempty"`
	ErrorKind string          `json:"error_kind,omitempty"` // temporary, config or permanent: what LastError means
	QueuedAt  time.Time       `json:"queued_at,omitzero"`
	Changed   time.Time       `json:"changed"`       // the file's modification time (when it failed, for failed/)
	ClaimPID  int             `json:"pid,omitempty"` // the claiming process, for sending and stale reports
	Path      string          `json:"path"`
	Err       string          `json:"error,omitempty"` // the file could not be read or decoded
}

// Age is how long the report has been in the outbox, measured from now.
func (it Item) Age(now time.Time) time.Duration {
	if it.QueuedAt.IsZero() {
		return now.Sub(it.Changed)
	}
	return now.Sub(it.QueuedAt)
}

// ErrNotFound is returned for an id the outbox does not hold.
var ErrNotFound = errors.New("outbox: no such report")

// OpenExisting opens the outbox in dir without creating anything: it fails when dir is missing.
// Folders missing inside it (an outbox no report has been written to yet, or made by an older
// version) hold nothing; the first Open creates them.
func OpenExisting(dir string) (*Outbox, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("outbox: %s is not a directory", dir)
	}
	return &Outbox{dir: dir, now: time.Now}, nil
}

// List returns every report waiting, held, being sent or refused, the stale and sending claims
// first, then the oldest first.
func (o *Outbox) List() ([]Item, error) {
	var items []Item
	for _, sub := range []string{"new", "cur", "failed"} {
		des, err := os.ReadDir(filepath.Join(o.dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue // not created yet: holds nothing
		}
		if err != nil {
			return nil, fmt.Errorf("outbox: %w", err)
		}
		for _, de := range des {
			if it, ok := o.item(sub, de.Name()); ok {
				items = append(items, it)
			} else if sub != "failed" {
				items = append(items, o.batchItems(sub, de.Name())...)
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if stateOrder[a.State] != stateOrder[b.State] {
			return stateOrder[a.State] < stateOrder[b.State]
		}
		if !a.QueuedAt.Equal(b.QueuedAt) {
			return a.QueuedAt.Before(b.QueuedAt)
		}
		return a.ID < b.ID
	})
	return items, nil
}

// item reads the report file name of folder sub; ok is false for a file that is not a report
// (a lock, a file of another kind).
func (o *Outbox) item(sub, name string) (Item, bool) {
	var it Item
	switch sub {
	case "new", "failed":
		id, ok := strings.CutSuffix(name, ".json")
		if !ok || !validID(id) {
			return it, false
		}
		it.ID, it.State = id, StateWaiting
		if sub == "failed" {
			it.State = StateFailed
		}
	case "cur":
		i := strings.Index(name, ".json.")
		if i < 0 || !validID(name[:i]) {
			return it, false
		}
		pid, err := strconv.Atoi(name[i+len(".json."):])
		if err != nil {
			return it, false
		}
		it.ID, it.ClaimPID, it.State = name[:i], pid, StateSending
		if !o.lockHeld(it.ID) {
			it.State = StateStale // the pid may be alive again: only the lock tells
		}
	}
	it.Path = o.path(sub, name)
	fi, err := os.Stat(it.Path)
	if err != nil {
		return it, false // moved meanwhile
	}
	it.Changed = fi.ModTime()
	b, err := os.ReadFile(it.Path)
	var e entry
	if err == nil {
		err = json.Unmarshal(b, &e)
	}
	if err != nil {
		it.Err = err.Error()
		return it, true
	}
	it.Report, it.Attempts, it.NextTry, it.LastError, it.QueuedAt = e.Report, e.Attempts, e.NextTry, e.LastError, e.QueuedAt
	it.ErrorKind = e.ErrorKind
	if it.State == StateWaiting && !e.NextTry.IsZero() && o.now().Before(e.NextTry) {
		it.State = StateHeld
	}
	return it, true
}

// Get returns the report id, wherever it stands.
func (o *Outbox) Get(id string) (Item, error) {
	if !validID(id) {
		return Item{}, fmt.Errorf("outbox: bad report id %q", id)
	}
	for _, sub := range []string{"new", "failed"} {
		if it, ok := o.item(sub, id+".json"); ok {
			return it, nil
		}
	}
	claims, _ := filepath.Glob(o.path("cur", id+".json.*"))
	for _, c := range claims {
		if it, ok := o.item("cur", filepath.Base(c)); ok {
			return it, nil
		}
	}
	for _, p := range o.batchFiles() {
		for _, it := range o.batchItems(filepath.Base(filepath.Dir(p)), filepath.Base(p)) {
			if it.ID == id && it.Err == "" {
				return it, nil
			}
		}
	}
	return Item{}, fmt.Errorf("%w: %s", ErrNotFound, id)
}

// Retry puts report id back in line for the next flush, with its attempts and backoff reset: a
// refused report leaves failed/, a held one becomes due. A report being sent is left alone.
func (o *Outbox) Retry(id string) error {
	if !validID(id) {
		return fmt.Errorf("outbox: bad report id %q", id)
	}
	it, ok := o.item("failed", id+".json")
	if ok {
		// A refused id is remembered as done: forget it, or the flush would drop it unsent.
		if err := o.forgetSent(id); err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		if o.queued(id) {
			// Queued again since it was refused: the copy in failed/ is no longer needed.
			return o.removeFile(it.Path)
		}
	}
	if !ok {
		var err error
		if it, err = o.Get(id); err != nil {
			return err
		}
	}
	switch it.State {
	case StateSending, StateStale:
		return fmt.Errorf("outbox: report %s is claimed by process %d; the next flush handles it", id, it.ClaimPID)
	case StateWaiting:
		return nil
	}
	if it.Err != "" {
		return fmt.Errorf("outbox: report %s cannot be read: %s", id, it.Err)
	}
	e := entry{Report: it.Report, QueuedAt: it.QueuedAt, LastError: it.LastError}
	if e.QueuedAt.IsZero() {
		e.QueuedAt = o.now().UTC()
	}
	if err := o.write(id, e); err != nil {
		return err
	}
	o.keepOwner(o.path("new", id+".json"))
	if it.State == StateFailed {
		return o.removeFile(it.Path)
	}
	return nil
}

// RetryFailed puts every refused report back in line and returns how many.
func (o *Outbox) RetryFailed() (int, error) {
	items, err := o.List()
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, it := range items {
		if it.State != StateFailed {
			continue
		}
		if err := o.Retry(it.ID); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// PurgeFailed deletes the refused reports that failed longer ago than olderThan and returns
// their ids. Waiting and held reports are never purged.
func (o *Outbox) PurgeFailed(olderThan time.Duration) ([]string, error) {
	items, err := o.List()
	if err != nil {
		return nil, err
	}
	var ids []string
	var errs []error
	cutoff := o.now().Add(-olderThan)
	for _, it := range items {
		if it.State != StateFailed || !it.Changed.Before(cutoff) {
			continue
		}
		if err := o.removeFile(it.Path); err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, it.ID)
	}
	return ids, errors.Join(errs...)
}

func (o *Outbox) removeFile(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("outbox: %w", err)
	}
	return syncDir(filepath.Dir(p))
}

// keepOwner gives a file written by root the owner of its folder, so that the user the pipe and
// flush run as can still read it.
func (o *Outbox) keepOwner(p string) {
	if os.Geteuid() != 0 {
		return
	}
	fi, err := os.Stat(filepath.Dir(p))
	if err != nil {
		return
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		os.Chown(p, int(st.Uid), int(st.Gid))
	}
}

// Writable says whether this process can write reports into the outbox (create and rename files
// in tmp/, new/, cur/, failed/ and sent/); it changes nothing.
func (o *Outbox) Writable() error {
	for _, d := range subdirs {
		p := filepath.Join(o.dir, d)
		if err := syscall.Access(p, accessWrite|accessSearch); err != nil {
			return fmt.Errorf("outbox: %s is not writable: %w", p, err)
		}
	}
	return nil
}

// access(2) modes.
const (
	accessSearch = 1 // X_OK
	accessWrite  = 2 // W_OK
)
