package dsn

import (
	"bufio"
	"bytes"
	"io"
	"sync"

	"github.com/rebound/rebound/eol"
)

// maxLine is the longest line kept whole; longer lines are cut into pieces of this size.
const maxLine = 64 << 10

// lineReader yields LF-terminated lines without their terminator. The slice it returns is only
// valid until the next call. lineReaders are pooled with their buffers: the read buffer, and the
// scratch buffers of the header blocks and parts read through them.
type lineReader struct {
	br      *bufio.Reader
	eol     eol.Reader
	bytes   bytes.Reader // the source when reading a byte slice (newBytesLineReader)
	wasCut  bool         // the last line returned was cut because it was too long
	err     error        // a read error other than io.EOF
	pending []byte       // a line pushed back by unread
	hasPend bool
	n       int64 // bytes consumed

	header headerBuilder // the header block being read (headerReader.read)
	part   []byte        // the lines of a part being collected (walker.collectAll)
}

// maxPooledScratch is the largest scratch buffer a pooled lineReader keeps: a rare large part
// does not pin its memory in the pool.
const maxPooledScratch = 256 << 10

var linePool = sync.Pool{New: func() any { return &lineReader{br: bufio.NewReaderSize(nil, maxLine)} }}

// newLineReader returns a lineReader of r; release gives it back when done.
func newLineReader(r io.Reader) *lineReader {
	l := linePool.Get().(*lineReader)
	l.eol.Reset(r)
	l.br.Reset(&l.eol)
	return l
}

// newBytesLineReader returns a lineReader of b.
func newBytesLineReader(b []byte) *lineReader {
	l := linePool.Get().(*lineReader)
	l.bytes.Reset(b)
	l.eol.Reset(&l.bytes)
	l.br.Reset(&l.eol)
	return l
}

// release returns the reader to the pool; the lineReader must not be used after.
func (l *lineReader) release() {
	l.br.Reset(nil)
	l.eol.Reset(nil)
	l.bytes.Reset(nil)
	l.wasCut, l.err, l.hasPend, l.n = false, nil, false, 0
	if cap(l.pending) > maxPooledScratch {
		l.pending = nil
	}
	if cap(l.part) > maxPooledScratch {
		l.part = nil
	}
	l.header.release()
	linePool.Put(l)
}

// next returns the next line and whether it starts a line (false for the continuation of a line
// that was too long). ok is false at the end of input.
func (l *lineReader) next() (line []byte, start bool, ok bool) {
	if l.hasPend {
		l.hasPend = false
		return l.pending, true, true
	}
	b, err := l.br.ReadSlice('\n')
	l.n += int64(len(b))
	start = !l.wasCut
	switch err {
	case nil:
		l.wasCut = false
		return b[:len(b)-1], start, true
	case bufio.ErrBufferFull:
		l.wasCut = true
		return b, start, true
	default:
		l.wasCut = false
		if err != io.EOF {
			l.err = err
		}
		if len(b) == 0 {
			return nil, false, false
		}
		return b, start, true
	}
}

// unread pushes back the line just returned by next (a copy is kept).
func (l *lineReader) unread(line []byte) {
	l.pending = append(l.pending[:0], line...)
	l.hasPend = true
}
