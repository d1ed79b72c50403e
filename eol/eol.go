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
		// The runs between CRs are moved down with copy; each CR becomes an LF, and the LF of a
		// CRLF pair, in this chunk or at the start of the next, is dropped.
		w, i := 0, 0
		if n.afterCR && k > 0 {
			n.afterCR = false
			if p[0] == '\n' {
				i = 1
			}
		}
		for i < k {
			j := bytes.IndexByte(p[i:k], '\r')
			if j < 0 {
				w += copy(p[w:], p[i:k])
				break
			}
			w += copy(p[w:], p[i:i+j])
			p[w] = '\n'
			w++
			i += j + 1
			switch {
			case i == k:
				n.afterCR = true
			case p[i] == '\n':
				i++
			}
		}
		if w > 0 || err != nil || k == 0 {
			return w, err
		}
	}
}
