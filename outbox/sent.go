package outbox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The sent ledger remembers the ids delivered or refused for good, so that the same bounce,
// seen again, is not reported again:
//
//	sent/<id>                  one empty file per id: the lookup, one stat
//	sentdays/YYYYMMDD/<id>     the same ids by the (UTC) day they were recorded
//	sentdays/.indexed          says the ids of an older outbox (sent/ alone) were indexed
//
// Forgetting the ids older than the retention removes the expired days' directories and, for
// each id in them, its sent/ file: the cost grows with what expires, not with what is kept.

const (
	sentDaysDir   = "sentdays"
	indexedMarker = ".indexed"
	dayLayout     = "20060102"
)

// isSent reports whether id was delivered or refused for good.
func (o *Outbox) isSent(id string) bool {
	_, err := os.Stat(o.path("sent", id))
	return err == nil
}

// markSent records id in the ledger: first in its day's index (so that a crash cannot leave an
// id that is never forgotten), then in sent/, synced. An id already recorded is left as it is.
func (o *Outbox) markSent(id string) error {
	if o.isSent(id) {
		return nil
	}
	day := filepath.Join(o.dir, sentDaysDir, o.now().UTC().Format(dayLayout))
	if err := os.MkdirAll(day, 0o750); err != nil {
		return err
	}
	if err := touch(filepath.Join(day, id)); err != nil {
		return err
	}
	if err := touch(o.path("sent", id)); err != nil {
		return err
	}
	return syncDir(filepath.Join(o.dir, "sent"))
}

func touch(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	return f.Close()
}

// forgetSent removes id from sent/ (its day index entry is left: removing a missing file later
// is harmless).
func (o *Outbox) forgetSent(id string) error {
	err := os.Remove(o.path("sent", id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// pruneSent forgets the ids recorded longer ago than the retention, a whole day at a time. It
// returns how many ids it looked at: those of the expired days only (and, once, every id of an
// outbox written before the day index existed).
func (o *Outbox) pruneSent() (examined int) {
	keep := o.SentRetention
	if keep <= 0 {
		keep = 180 * 24 * time.Hour
	}
	examined = o.indexOldLedger()
	days, err := os.ReadDir(filepath.Join(o.dir, sentDaysDir))
	if err != nil {
		return examined
	}
	// A day is expired when all of it is older than the retention.
	cutoff := o.now().Add(-keep).UTC().Format(dayLayout)
	for _, d := range days {
		name := d.Name()
		if !d.IsDir() || !isDay(name) || name >= cutoff {
			continue
		}
		dir := filepath.Join(o.dir, sentDaysDir, name)
		ids, _ := os.ReadDir(dir)
		for _, e := range ids {
			examined++
			os.Remove(o.path("sent", e.Name()))
			os.Remove(filepath.Join(dir, e.Name()))
		}
		os.Remove(dir)
	}
	return examined
}

func isDay(name string) bool {
	_, err := time.Parse(dayLayout, name)
	return err == nil && len(name) == len(dayLayout)
}

// indexOldLedger adds the ids of sent/ to the day index, by their file's time, once: an outbox
// written by an older rebound has sent/ only. Several processes may do it at once; each entry is
// written the same way by all. It returns how many ids it indexed.
func (o *Outbox) indexOldLedger() int {
	marker := filepath.Join(o.dir, sentDaysDir, indexedMarker)
	if _, err := os.Stat(marker); err == nil {
		return 0
	}
	if err := os.MkdirAll(filepath.Join(o.dir, sentDaysDir), 0o750); err != nil {
		return 0
	}
	d, err := os.Open(filepath.Join(o.dir, "sent"))
	if err != nil {
		return 0
	}
	defer d.Close()
	n := 0
	days := map[string]bool{}
	for {
		entries, rerr := d.ReadDir(1024)
		for _, e := range entries {
			info, ierr := e.Info()
			if ierr != nil || !info.Mode().IsRegular() || !validID(e.Name()) {
				continue
			}
			day := info.ModTime().UTC().Format(dayLayout)
			if !days[day] {
				if os.MkdirAll(filepath.Join(o.dir, sentDaysDir, day), 0o750) != nil {
					return n // try again at the next flush: no marker
				}
				days[day] = true
			}
			if touch(filepath.Join(o.dir, sentDaysDir, day, e.Name())) != nil {
				return n
			}
			n++
		}
		if rerr != nil {
			break
		}
	}
	touch(marker)
	return n
}

// sentDays lists the day directories of the index, oldest first (for tests and tools).
func (o *Outbox) sentDays() []string {
	ds, _ := os.ReadDir(filepath.Join(o.dir, sentDaysDir))
	var out []string
	for _, d := range ds {
		if d.IsDir() && isDay(d.Name()) {
			out = append(out, d.Name())
		}
	}
	sort.Strings(out)
	return out
}
