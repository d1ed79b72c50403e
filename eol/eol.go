// Package eol normalises line endings: CRLF and bare CR become LF, streaming.
package eol

import (
	"bytes"
	"io"
)

// Reader turns CRLF and bare CR line endings into LF. It works in place on each chunk and keeps
// one bit of state across reads.
type Reader struct {
	r       io.Reader
	afterCR bool // the previous chunk ended with CR: a leading LF belongs to it
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{r: r} }

// Reset makes the Reader read from r, as a new one would, so that one Reader serves many inputs.
func (n *Reader) Reset(r io.Reader) { *n = Reader{r: r} }

func (n *Reader) Read(p []byte) (int, error) {
	for {
		k, err := n.r.Read(p)
		if k > 0 && !n.afterCR && bytes.IndexByte(p[:k], '\r') < 0 {
			return k, err // the common case: nothing to change
		}
		w := 0
		for i := 0; i < k; i++ {
			c := p[i]
			switch {
			case c == '\r':
				p[w] = '\n'
				w++
				n.afterCR = true
				continue
			case c == '\n' && n.afterCR:
				// second half of a CRLF pair: already emitted
			default:
				p[w] = c
				w++
			}
			n.afterCR = false
		}
		if w > 0 || err != nil || k == 0 {
			return w, err
		}
	}
}
