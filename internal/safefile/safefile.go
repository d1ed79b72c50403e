// Package safefile writes files so that a crash leaves either no file or the whole of it: the
// data goes to a temporary file, which is synced, renamed into place, and the directory synced.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// Create writes a new file at dst through tmp, which must not exist and must be on the same
// file system (a Maildir's or a queue's tmp/): tmp is created with perm (less the umask), filled
// by write, synced, renamed to dst, and dst's directory synced. On error tmp is removed and dst
// may not be counted on.
func Create(tmp, dst string, perm os.FileMode, write func(io.Writer) error) error {
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	return commit(f, dst, write)
}

// WriteFile replaces the file at path with data, whole or not at all: through a temporary file
// beside it, given exactly perm (whatever the umask), synced, renamed, and the directory synced.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	return commit(f, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// commit fills the open temporary file f, syncs and closes it, and renames it to dst.
func commit(f *os.File, dst string, write func(io.Writer) error) error {
	err := write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), dst)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	return SyncDir(filepath.Dir(dst))
}

// SyncDir syncs a directory, so that the names just renamed into it survive a crash. A file
// system that cannot sync directories (EINVAL) is taken as it is.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}
