// Package mbox splits an mbox file (several messages, each introduced by a "From " line) into
// messages, streaming: each message is read from the file as it is consumed.
package mbox

import (
	"bufio"
	"bytes"
	"io"

	"github.com/rebound/rebound/eol"
)

// IsMbox reports whether the start of a file looks like an mbox: a "From " separator line.
func IsMbox(start []byte) bool {
	if !bytes.HasPrefix(start, []byte("From ")) {
		return false
	}
	line := start
	if i := bytes.IndexAny(start, "\r\n"); i >= 0 {
		line = start[:i]
	}
	return bytes.Count(line, []byte(" ")) >= 2
}

// isFromLine tells whether the start of b is an mbox separator line in the strict form
// "From sender weekday month day hh:mm:ss year", which may then be trusted even when no blank
// line precedes it.
func isFromLine(b []byte) bool {
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	f := bytes.Fields(line)
	if len(f) < 6 || !bytes.Equal(f[0], []byte("From")) {
		return false
	}
	for _, w := range f[2:] {
		if len(w) == 8 && w[2] == ':' && w[5] == ':' {
			return true
		}
	}
	return false
}

// Reader reads the messages of an mbox one after the other.
type Reader struct {
	eol     eol.Reader
	br      *bufio.Reader
	started bool
	eof     bool
	cur     *message
	line    []byte // a line buffer for the next message, taken back from the previous one
}

// NewReader returns a Reader of the mbox in r.
func NewReader(r io.Reader) *Reader {
	m := &Reader{}
	m.eol.Reset(r)
	m.br = bufio.NewReaderSize(&m.eol, 64<<10)
	return m
}

// Reset makes the Reader read the mbox in r, as a new one would, keeping its buffers: one Reader
// serves many files (a batch parse would otherwise allocate and clear 64 kB per mbox file). A
// message returned before reads nothing more.
func (m *Reader) Reset(r io.Reader) {
	m.retire()
	m.eol.Reset(r)
	m.br.Reset(&m.eol)
	m.started, m.eof = false, false
}

// retire ends the current message: it reads nothing more, and its line buffer serves the next.
func (m *Reader) retire() {
	if m.cur == nil {
		return
	}
	m.line = m.cur.store[:0]
	m.cur.store, m.cur.buf, m.cur.done = nil, nil, true
	m.cur = nil
}

// Next returns the next message, or io.EOF after the last one. The previous message is
// discarded if it was not read to its end. ">From " quoting (mboxrd) is undone.
func (m *Reader) Next() (io.Reader, error) {
	if cur := m.cur; cur != nil {
		// The rest of the previous message is skipped line by line, without copying it out.
		for !cur.done {
			cur.buf = nil
			if err := cur.fill(); err != nil {
				return nil, err
			}
		}
		m.retire()
	}
	if m.eof {
		return nil, io.EOF
	}
	if !m.started {
		m.started = true
		// Skip to the first separator.
		for {
			line, err := m.br.ReadSlice('\n')
			if bytes.HasPrefix(line, []byte("From ")) {
				break
			}
			if err == io.EOF {
				m.eof = true
				return nil, io.EOF
			}
			if err != nil && err != bufio.ErrBufferFull {
				return nil, err
			}
		}
	}
	m.cur = &message{m: m, lineStart: true, store: m.line}
	m.line = nil
	return m.cur, nil
}

// message reads one message up to the next separator line (a "From " line after a blank line).
type message struct {
	m         *Reader
	buf       []byte // pending output, in store
	store     []byte // the line read last
	done      bool
	lineStart bool
	prevBlank bool
}

func (r *message) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.done {
			return 0, io.EOF
		}
		if err := r.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func (r *message) fill() error {
	br := r.m.br
	if r.lineStart {
		if peek, _ := br.Peek(256); bytes.HasPrefix(peek, []byte("From ")) && (r.prevBlank || isFromLine(peek)) {
			// the next message's separator: consume it
			for {
				_, err := br.ReadSlice('\n')
				if err != bufio.ErrBufferFull {
					break
				}
			}
			r.done = true
			return nil
		}
	}
	line, err := br.ReadSlice('\n')
	if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
		return err
	}
	if r.lineStart && bytes.HasPrefix(line, []byte(">")) && bytes.HasPrefix(bytes.TrimLeft(line, ">"), []byte("From ")) {
		line = line[1:]
	}
	wasStart := r.lineStart
	r.lineStart = err == nil
	if err == nil {
		r.prevBlank = wasStart && len(bytes.TrimRight(line, "\r\n")) == 0
	}
	r.store = append(r.store[:0], line...)
	r.buf = r.store
	if err == io.EOF {
		r.done = true
		r.m.eof = true
	}
	return nil
}
