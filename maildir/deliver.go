// Package maildir delivers messages into Maildirs and scans them for bounces.
package maildir

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/rebound/rebound/internal/safefile"
)

// Deliver writes the message read from r into the Maildir dir (created when missing) the safe
// way: into tmp/, synced, then renamed into new/, and new/ synced. It returns the new file's path.
func Deliver(dir string, r io.Reader) (string, error) {
	for _, sub := range []string{"tmp", "new", "cur"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return "", fmt.Errorf("maildir %s: %w", dir, err)
		}
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	host, _ := os.Hostname()
	name := strconv.FormatInt(time.Now().Unix(), 10) + ".P" + strconv.Itoa(os.Getpid()) + "R" + hex.EncodeToString(rnd[:]) + "." + host
	tmp := filepath.Join(dir, "tmp", name)
	dst := filepath.Join(dir, "new", name)
	err := safefile.Create(tmp, dst, 0o600, func(w io.Writer) error {
		_, err := io.Copy(w, r)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("delivering to maildir %s: %w", dir, err)
	}
	return dst, nil
}
