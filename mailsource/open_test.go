package mailsource

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAllWith opens path with open and reads it whole, returning the content and the error
// text of the opening or of the reading.
func readAllWith(open func(string) (io.ReadCloser, error), path string) ([]byte, string) {
	f, err := open(path)
	if err != nil {
		return nil, err.Error()
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return b, err.Error()
	}
	return b, ""
}

// TestOpenFileAsOS checks that openFile reads what os.Open reads and fails as it fails, with
// the same error texts (they are printed as "rebound: PATH: ERROR"): a file larger than the read
// buffers, an empty file, a missing file, a directory.
func TestOpenFileAsOS(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.eml")
	os.WriteFile(big, bytes.Repeat([]byte("Subject: x\n"), 20000), 0o644)
	empty := filepath.Join(dir, "empty.eml")
	os.WriteFile(empty, nil, 0o644)
	osOpen := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	for _, path := range []string{big, empty, filepath.Join(dir, "missing"), dir} {
		got, gotErr := readAllWith(openFile, path)
		want, wantErr := readAllWith(osOpen, path)
		if !bytes.Equal(got, want) || gotErr != wantErr {
			t.Errorf("%s: read %d bytes, error %q; os.Open: %d bytes, error %q", filepath.Base(path), len(got), gotErr, len(want), wantErr)
		}
	}
	if _, err := openFile(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want an error that is os.ErrNotExist", err)
	}
	if got, _ := readAllWith(openFile, big); !strings.HasPrefix(string(got), "Subject: x\n") || len(got) != 20000*11 {
		t.Errorf("big file: read %d bytes", len(got))
	}
}
