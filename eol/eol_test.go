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
