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
