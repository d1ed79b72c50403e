package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFile: the file holds exactly the data with the given mode, replaces an older one, and
// no temporary file is left beside it.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "metrics.prom")
	for _, data := range []string{"first\n", "second, longer\n"} {
		if err := WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1: %v", len(entries), entries)
	}
}

// TestCreateFailedWrite: when the writer fails, neither the temporary file nor the destination
// exists, and the writer's error is returned.
func TestCreateFailedWrite(t *testing.T) {
	dir := t.TempDir()
	tmp, dst := filepath.Join(dir, "tmp-1"), filepath.Join(dir, "new-1")
	boom := errors.New("boom")
	err := Create(tmp, dst, 0o600, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	for _, p := range []string{tmp, dst} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s exists after a failed write (%v)", p, err)
		}
	}
}

// TestCreateExclusive: a temporary name already in use is refused, and the file there is kept.
func TestCreateExclusive(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp-1")
	if err := os.WriteFile(tmp, []byte("other writer"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := Create(tmp, filepath.Join(dir, "new-1"), 0o600, func(w io.Writer) error { return nil })
	if !errors.Is(err, os.ErrExist) {
		t.Fatalf("err %v, want ErrExist", err)
	}
	if got, _ := os.ReadFile(tmp); string(got) != "other writer" {
		t.Errorf("the other writer's file became %q", got)
	}
}
