package outbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rebound/rebound/feedback"
)

// State is where a report stands in the outbox.
type State string

// The states of a report, as Entries gives them.
const (
	// StateWaiting: in new/, to be sent by the next flush (or after NextTry, its backoff).
	StateWaiting State = "waiting"
	// StateSending: claimed in cur/ by a process that is sending it now (it holds the lock).
	StateSending State = "sending"
	// StateStale: claimed in cur/ by a process that died before it finished; the next flush
	// puts it back into new/ and sends it.
	StateStale State = "stale"
	// StateFailed: in failed/, refused for good by the receiver (HTTP 400, 413, 422; a report
	// command's exit status 65); kept for inspection, never sent again by itself.
	StateFailed State = "failed"
)

// Entry describes one report of the outbox.
type Entry struct {
	ID    string
	State State
	// Report is the queued report (its Email, Type, Campaign…); zero when Err is set.
	Report feedback.Report
	// Attempts counts the deliveries tried so far.
	Attempts int
	// LastError is the error of the last attempt ("" before the first one), and ErrorKind its
	// kind: "temporary", "config" (rebound's configuration must be fixed) or "permanent".
	LastError string
	ErrorKind string
	// QueuedAt is when the report was first queued; NextTry the earliest next attempt (zero:
	// due now).
	QueuedAt time.Time
	NextTry  time.Time
	// Since is when the report entered its state: the claim's time for sending and stale
	// reports, the file's time for the others.
	Since time.Time
	// Age is the time since QueuedAt (since Since when QueuedAt is unknown).
	Age time.Duration
	// Path is the report's file.
	Path string
	// Err is set when the file could not be read or decoded (the rest but ID, State, Since and
	// Path is then zero).
	Err error
}

// Entries lists every report of the outbox, waiting (new/), claimed (cur/: sending, or stale
// when its process died) and failed (failed/), oldest first (by QueuedAt). It takes nothing and
// moves nothing, so it is safe while other processes flush: a report moving meanwhile may be
// missed or listed twice.
func (o *Outbox) Entries() ([]Entry, error) {
	var out []Entry
	now := o.now()
	for _, sub := range []string{"new", "cur", "failed"} {
		des, err := os.ReadDir(filepath.Join(o.dir, sub))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("outbox: %w", err)
		}
		for _, de := range des {
			id, state, ok := o.classify(sub, de.Name())
			if !ok {
				continue
			}
			e := Entry{ID: id, State: state, Path: filepath.Join(o.dir, sub, de.Name())}
			info, err := de.Info()
			if err != nil {
				continue // moved meanwhile
			}
			e.Since = info.ModTime()
			b, err := os.ReadFile(e.Path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			var q entry
			if err == nil {
				err = json.Unmarshal(b, &q)
			}
			if err != nil {
				e.Err = err
			} else {
				e.Report, e.Attempts, e.LastError, e.ErrorKind = q.Report, q.Attempts, q.LastError, q.ErrorKind
				e.QueuedAt, e.NextTry = q.QueuedAt, q.NextTry
			}
			from := e.QueuedAt
			if from.IsZero() {
				from = e.Since
			}
			e.Age = now.Sub(from)
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].QueuedAt.Before(out[j].QueuedAt) })
	return out, nil
}

// StaleClaims lists the reports claimed by processes that died (StateStale): `rebound check`
// warns about them. The next flush sends them again.
func (o *Outbox) StaleClaims() ([]Entry, error) {
	all, err := o.Entries()
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, e := range all {
		if e.State == StateStale {
			out = append(out, e)
		}
	}
	return out, nil
}

// classify names the report a file of sub/ holds, and its state.
func (o *Outbox) classify(sub, name string) (id string, st State, ok bool) {
	switch sub {
	case "new":
		id, ok = strings.CutSuffix(name, ".json")
		st = StateWaiting
	case "failed":
		id, ok = strings.CutSuffix(name, ".json")
		st = StateFailed
	case "cur":
		id, ok = claimID(name)
		st = StateSending
		if ok && !o.lockHeld(id) {
			st = StateStale
		}
	}
	return id, st, ok && validID(id)
}

// claimID returns the id of a claim's file name, <id>.json.<pid>.
func claimID(name string) (string, bool) {
	i := strings.LastIndex(name, ".json.")
	if i <= 0 {
		return "", false
	}
	return name[:i], true
}

// Retry puts a report of failed/ back into new/, its attempts and backoff reset, and forgets
// that its id was refused, so that the next flush sends it again (after the receiver was fixed).
func (o *Outbox) Retry(id string) error {
	if !validID(id) {
		return fmt.Errorf("outbox: bad report id %q", id)
	}
	src := o.path("failed", id+".json")
	b, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		return fmt.Errorf("outbox: report %s: %w", id, err)
	}
	e.Attempts, e.NextTry = 0, time.Time{}
	if err := o.forgetSent(id); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := o.write(id, e); err != nil {
		return err
	}
	return os.Remove(src)
}
