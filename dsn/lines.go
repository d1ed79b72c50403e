package dsn

import (
	"bufio"
	"io"
	"sync"

	"github.com/rebound/rebound/eol"
)

// maxLine is the longest line kept whole; longer lines are cut into pieces of this size.
const maxLine = 64 << 10

// lineReader yields LF-terminated lines without their terminator. The slice it returns is only
// valid until the next call.
type lineReader struct {
	br      *bufio.Reader
	wasCut  bool   // the last line returned was cut because it was too long
	err     error  // a read error other than io.EOF
	pending []byte // a line pushed back by unread
	hasPend bool
	n       int64 // bytes consumed
}

var bufPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, maxLine) }}

// newLineReader returns a lineReader of r; release gives its buffer back when done.
func newLineReader(r io.Reader) *lineReader {
	br := bufPool.Get().(*bufio.Reader)
	br.Reset(eol.NewReader(r))
	return &lineReader{br: br}
}

// release returns the reader's buffer to the pool; the lineReader must not be used after.
func (l *lineReader) release() {
	l.br.Reset(nil)
	bufPool.Put(l.br)
	l.br = nil
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
