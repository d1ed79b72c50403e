// Package mailsource turns paths into parsed messages: message files, directories, Maildirs, mbox
// files (each message named path#n) and "-" for standard input.
package mailsource

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/rebound/rebound/dsn"
	"github.com/rebound/rebound/mbox"
)

// Parsed is the outcome of parsing one message.
type Parsed struct {
	Source string
	Report *dsn.Report
	Err    error
}

// Expand turns the command-line paths into message files, in a stable order: a directory
// is walked (a Maildir's cur/ and new/ only, Maildir++ subfolders and dot files skipped). A path
// that cannot be read is kept in the list, so that ParseFile names it, in its place, with its
// error, and the other paths are still parsed.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, p)
			continue
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		files := listFiles(nil, filepath.Clean(p), true)
		slices.Sort(files)
		out = append(out, files...)
	}
	return out, nil
}

// listFiles appends to files the regular files under dir (a clean path), in no order: dot files
// and dot directories skipped (dir itself, the root, may be one), and the tmp/ of a Maildir. A directory
// that cannot be read is listed itself, so that ParseFile names it, with the entries it had.
// It lists a directory's entries as the system returns them, without sorting them (Expand sorts
// the whole list once) and without cleaning each joined path: a batch parse of a directory of
// thousands of files waits for the list before its workers start.
func listFiles(files []string, dir string, root bool) []string {
	if root && filepath.Base(dir) == "tmp" && isMaildir(filepath.Dir(dir)) {
		return files
	}
	f, err := os.Open(dir)
	var entries []fs.DirEntry
	if err == nil {
		entries, err = f.ReadDir(-1)
		f.Close()
	}
	if err != nil {
		files = append(files, dir)
	}
	prefix := dir + string(filepath.Separator)
	switch dir {
	case ".":
		prefix = ""
	case string(filepath.Separator):
		prefix = dir
	}
	for _, e := range entries {
		name := e.Name()
		if len(name) > 0 && name[0] == '.' {
			continue
		}
		path := prefix + name
		switch {
		case e.IsDir():
			if name != "tmp" || !isMaildir(dir) {
				files = listFiles(files, path, false)
			}
		case e.Type().IsRegular():
			files = append(files, path)
		}
	}
	return files
}

func isMaildir(dir string) bool {
	for _, sub := range []string{"cur", "new"} {
		if st, err := os.Stat(filepath.Join(dir, sub)); err != nil || !st.IsDir() {
			return false
		}
	}
	return true
}

// OpenFile opens a message file for reading with as few system calls as the platform allows
// (on Unix open(2) and read(2) alone: see openFile), as ParseFile does; rebound scan reads a
// Maildir's messages with it.
func OpenFile(path string) (io.ReadCloser, error) { return openFile(path) }

// readers are the read buffers of ParseFile, reused from one file to the next.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// mboxReaders are ParseFile's mbox readers (a 64 kB buffer each), reused from one mbox to the
// next.
var mboxReaders = sync.Pool{New: func() any { return mbox.NewReader(nil) }}

// ParseFile parses one path: a message file, an mbox (several messages) or "-" for stdin.
func ParseFile(path string, opts *dsn.Options) []Parsed { return parseFile(nil, path, opts) }

// A Parser parses paths one after the other, as ParseFile does, keeping an open descriptor of
// the directory of the last file so that the next file of the same directory is opened by its
// name alone (on Unix). A Parser is used by one goroutine at a time; Close releases it.
type Parser struct {
	opener dirOpener
}

// ParseFile parses one path, as the package's ParseFile does.
func (p *Parser) ParseFile(path string, opts *dsn.Options) []Parsed {
	return parseFile(&p.opener, path, opts)
}

// Close closes the descriptor the Parser keeps.
func (p *Parser) Close() { p.opener.close() }

// parseFile is ParseFile, the file opened by o (nil: by its path alone).
func parseFile(o *dirOpener, path string, opts *dsn.Options) []Parsed {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		open := openFile
		if o != nil {
			open = o.open
		}
		f, err := open(path)
		if err != nil {
			return []Parsed{{Source: path, Err: err}}
		}
		defer f.Close()
		r = f
	}
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() {
		br.Reset(nil)
		readers.Put(br)
	}()
	start, _ := br.Peek(256)
	if !mbox.IsMbox(start) {
		rep, err := dsn.Parse(br, opts)
		return []Parsed{{Source: path, Report: rep, Err: err}}
	}
	var out []Parsed
	mr := mboxReaders.Get().(*mbox.Reader)
	mr.Reset(br)
	defer func() {
		mr.Reset(nil)
		mboxReaders.Put(mr)
	}()
	for n := 1; ; n++ {
		msg, err := mr.Next()
		if err == io.EOF {
			break
		}
		src := fmt.Sprintf("%s#%d", path, n)
		if err != nil {
			out = append(out, Parsed{Source: src, Err: err})
			break
		}
		rep, err := dsn.Parse(msg, opts)
		out = append(out, Parsed{Source: src, Report: rep, Err: err})
	}
	return out
}
