package maildir

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	gomaildir "github.com/emersion/go-maildir"

	"github.com/rebound/rebound/mailsource"
	"github.com/rebound/rebound/scan"
)

// Source is a Maildir to scan: its new/ and cur/ messages, with the backup folder (and the folder
// for unrecognized messages) as Maildir++ subfolders, created when missing.
type Source struct {
	dir          gomaildir.Dir
	backup       gomaildir.Dir
	unrecognized gomaildir.Dir // "" when not wanted

	// NoDates leaves each message's Date zero instead of reading its file's time (a stat per
	// message): for a scan without --since, which never looks at it.
	NoDates bool
}

// Folder returns the Maildir++ subfolder name of dir (".Bounces.Processed" for
// "Bounces.Processed"), or the path itself when it is absolute.
func Folder(root, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(root, "."+strings.TrimPrefix(name, "."))
}

// Open opens the Maildir in dir for scanning. backup and unrecognized are folder names
// (Maildir++ subfolders of dir) or absolute paths; unrecognized may be empty.
func Open(dir, backup, unrecognized string, dryRun bool) (*Source, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("maildir: %w", err) // missing, or not ours to read: say which
	}
	for _, sub := range []string{"cur", "new"} {
		st, err := os.Stat(filepath.Join(dir, sub))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("maildir: %w", err)
		}
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%s is not a Maildir (no %s/)", dir, sub)
		}
	}
	s := &Source{dir: gomaildir.Dir(dir), backup: gomaildir.Dir(Folder(dir, backup))}
	if unrecognized != "" {
		s.unrecognized = gomaildir.Dir(Folder(dir, unrecognized))
	}
	if !dryRun {
		for _, d := range []gomaildir.Dir{s.backup, s.unrecognized} {
			if d == "" {
				continue
			}
			if err := d.Init(); err != nil {
				return nil, fmt.Errorf("creating folder %s: %w", d, err)
			}
		}
	}
	return s, nil
}

// Walk yields the messages of new/ (left unread and in new/ when they stay) then of cur/.
func (s *Source) Walk(ctx context.Context, fn func(*scan.Message) error) error {
	if err := s.walkNew(fn); err != nil {
		return err
	}
	var stop error
	err := s.dir.Walk(func(m *gomaildir.Message) error {
		if err := ctx.Err(); err != nil {
			stop = err
			return err
		}
		if err := fn(s.curMessage(m)); err != nil {
			stop = err
			return err
		}
		return nil
	})
	if stop != nil {
		return stop
	}
	if err != nil {
		// File names that are not Maildir names: left alone.
		slog.Warn("maildir: some files of cur/ were skipped", "err", err)
	}
	return nil
}

// walkNew streams the entries of new/ a chunk at a time.
func (s *Source) walkNew(fn func(*scan.Message) error) error {
	f, err := os.Open(filepath.Join(string(s.dir), "new"))
	if err != nil {
		return err
	}
	defer f.Close()
	for {
		names, err := f.Readdirnames(256)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, name := range names {
			if name[0] == '.' {
				continue
			}
			if err := fn(s.newMessage(name)); err != nil {
				return err
			}
		}
	}
}

func (s *Source) newMessage(name string) *scan.Message {
	path := filepath.Join(string(s.dir), "new", name)
	m := &scan.Message{
		Name: path,
		Open: func() (io.ReadCloser, error) { return mailsource.OpenFile(path) },
		// A message still in new/ goes to the backup's new/: it stays unseen.
		Backup: func() error { return rename(path, filepath.Join(string(s.backup), "new", name)) },
	}
	if !s.NoDates {
		if st, err := os.Stat(path); err == nil {
			m.Date = st.ModTime()
		}
	}
	if s.unrecognized != "" {
		m.Unrecognized = func() error {
			return os.Rename(path, filepath.Join(string(s.unrecognized), "new", name))
		}
	}
	return m
}

func (s *Source) curMessage(gm *gomaildir.Message) *scan.Message {
	m := &scan.Message{
		Name:   gm.Filename(),
		Open:   func() (io.ReadCloser, error) { return mailsource.OpenFile(gm.Filename()) },
		Backup: func() error { return gm.MoveTo(s.backup) }, // flags kept
	}
	if !s.NoDates {
		if st, err := os.Stat(gm.Filename()); err == nil {
			m.Date = st.ModTime()
		}
	}
	if s.unrecognized != "" {
		m.Unrecognized = func() error { return gm.MoveTo(s.unrecognized) }
	}
	return m
}

// rename is os.Rename without its look at the destination first (an lstat, to refuse renaming
// onto a directory, a quarter of the time a move took in a profile of a scan): a Maildir's message names are files.
func rename(from, to string) error {
	if err := syscall.Rename(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
