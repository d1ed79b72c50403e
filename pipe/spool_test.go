package pipe

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestReadMessage: a message up to memorySpool bytes is held in memory (no file in the temporary
// folder), a larger one is spooled to a file that cleanup removes, and one larger than the limit
// is refused; what is read back is the message, byte for byte.
func TestReadMessage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		size     int
		max      int64
		inFile   bool
		tooLarge bool
	}{
		{"small", 2000, 1 << 30, false, false},
		{"empty", 0, 1 << 30, false, false},
		{"memorySpool bytes", memorySpool, 1 << 30, false, false},
		{"one byte more", memorySpool + 1, 1 << 30, true, false},
		{"large", 3*memorySpool + 17, 1 << 30, true, false},
		{"at the limit", 3 * memorySpool, 3 * memorySpool, true, false},
		{"over the limit", 3*memorySpool + 1, 3 * memorySpool, true, true},
		{"over a small limit", 101, 100, false, true},
		{"at a small limit", 100, 100, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			msg := bytes.Repeat([]byte("0123456789abcdef\n"), tc.size/17+1)[:tc.size]
			got, cleanup, err := readMessage(bytes.NewReader(msg), tc.max, dir)
			if err != nil {
				t.Fatal(err)
			}
			files, _ := os.ReadDir(dir)
			if tc.inFile != (len(files) == 1) {
				t.Errorf("%d files in the temporary folder, want a file: %v", len(files), tc.inFile)
			}
			if tc.tooLarge {
				if got != nil {
					t.Errorf("a message of %d bytes accepted with a limit of %d", tc.size, tc.max)
				}
			} else {
				if got == nil {
					t.Fatalf("a message of %d bytes refused with a limit of %d", tc.size, tc.max)
				}
				for range 2 { // read twice, as Handle rewinds for the archive, then parses
					b, err := io.ReadAll(got)
					if err != nil || !bytes.Equal(b, msg) {
						t.Fatalf("read back %d bytes (%v), want the %d of the message", len(b), err, len(msg))
					}
					if _, err := got.Seek(0, io.SeekStart); err != nil {
						t.Fatal(err)
					}
				}
			}
			if cleanup != nil {
				cleanup()
			}
			if files, _ := os.ReadDir(dir); len(files) != 0 {
				t.Errorf("left in the temporary folder: %v", files)
			}
		})
	}
}

// TestReadMessageUnwritableSpool: a large message that cannot be spooled is an error (the MTA
// keeps it), not a message cut short.
func TestReadMessageUnwritableSpool(t *testing.T) {
	msg := strings.Repeat("x", memorySpool+1)
	got, cleanup, err := readMessage(strings.NewReader(msg), 1<<30, "/nonexistent/spool")
	if cleanup != nil {
		cleanup()
	}
	if err == nil || got != nil {
		t.Fatalf("got a message (%v), want an error", err)
	}
}
