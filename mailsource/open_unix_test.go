//go:build unix

package mailsource

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpenFileEndRemembered checks that a message file read to its end answers io.EOF again
// without another read(2): its descriptor, closed behind its back, is not read again.
func TestOpenFileEndRemembered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.eml")
	os.WriteFile(path, []byte("Subject: x\n\nbody\n"), 0o644)
	f, err := openFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(f); err != nil || string(b) != "Subject: x\n\nbody\n" {
		t.Fatalf("read %q, %v", b, err)
	}
	syscall.Close(f.(*rawFile).fd)
	for range 2 {
		if n, err := f.Read(make([]byte, 16)); n != 0 || err != io.EOF {
			t.Errorf("after the end: %d, %v; want 0, io.EOF without a system call", n, err)
		}
	}
}
