package outbox

import (
	"errors"
	"os"
	"syscall"
)

// idLock is the lock of one report id: cur/<id>.lock, held with flock(2) while the report is
// claimed and sent. The kernel releases it when its holder dies, however it dies (kill -9, a
// crash, a power cut: a lock never outlives a reboot), so no lock can be left behind: an empty or
// old lock file nobody holds is simply taken.
type idLock struct {
	f    *os.File
	path string
}

// tryLock takes the lock of id without waiting; ok is false when another process (or another
// open file of this one) holds it.
func (o *Outbox) tryLock(id string) (l *idLock, ok bool) {
	p := o.path("cur", id+".lock")
	for attempt := 0; attempt < 4; attempt++ {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o640)
		if err != nil {
			return nil, false
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			return nil, false
		}
		// The previous holder removes the file as it unlocks: if it did so between our open and
		// our flock, the lock we hold is on a file nobody else can open. Take the lock again on
		// the file the name leads to now.
		fi, ferr := f.Stat()
		pi, perr := os.Stat(p)
		if ferr == nil && perr == nil && os.SameFile(fi, pi) {
			return &idLock{f: f, path: p}, true
		}
		f.Close()
	}
	return nil, false
}

// unlock removes the lock file, then releases the lock.
func (l *idLock) unlock() {
	os.Remove(l.path)
	l.f.Close()
}

// lockHeld reports whether a live process holds the lock of id, without creating or removing
// anything.
func (o *Outbox) lockHeld(id string) bool {
	f, err := os.OpenFile(o.path("cur", id+".lock"), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false
	}
	if err != nil {
		return true // cannot tell: assume the sender is alive, never steal its claim
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
