package eol

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReader(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\r\n": "a\nb\n",
		"a\rb\r":     "a\nb\n",
		"a\nb\n":     "a\nb\n",
		"a\r\r\nb":   "a\n\nb",
		"":           "",
	} {
		// One byte at a time: a CRLF pair split across reads must still give one LF.
		got, err := io.ReadAll(NewReader(iotest.OneByteReader(strings.NewReader(in))))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

// TestReset checks that a Reader reset in the middle of a CRLF pair reads its new input afresh:
// a leading LF of the new input is a line of its own, not the end of the old CR.
func TestReset(t *testing.T) {
	r := NewReader(strings.NewReader("a\r"))
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	r.Reset(strings.NewReader("\nb\r\n"))
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "\nb\n" {
		t.Errorf("after Reset: %q, want %q", got, "\nb\n")
	}
}

// chunkReader returns its input in pieces of the given sizes, in turn.
type chunkReader struct {
	s     string
	sizes []int
	n     int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	size := min(c.sizes[c.n%len(c.sizes)], len(p), len(c.s))
	c.n++
	copy(p, c.s[:size])
	c.s = c.s[size:]
	return size, nil
}

// TestReaderAsReplace holds the Reader to the plain rule (CRLF, then bare CR, become LF) over
// every text of up to six bytes of "a", CR and LF, read in pieces of one to four bytes.
func TestReaderAsReplace(t *testing.T) {
	texts := []string{""}
	for range 6 {
		for _, s := range texts {
			for _, c := range []string{"a", "\r", "\n"} {
				texts = append(texts, s+c)
			}
		}
	}
	for _, in := range texts {
		want := strings.ReplaceAll(strings.ReplaceAll(in, "\r\n", "\n"), "\r", "\n")
		for _, sizes := range [][]int{{1}, {2}, {3}, {4}, {1, 3}, {2, 1}, {64}} {
			got, err := io.ReadAll(NewReader(&chunkReader{s: in, sizes: sizes}))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Fatalf("%q in pieces of %v → %q, want %q", in, sizes, got, want)
			}
		}
	}
}
