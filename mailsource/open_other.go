//go:build !unix

package mailsource

import (
	"io"
	"os"
)

// openFile opens a message file for reading.
func openFile(path string) (io.ReadCloser, error) { return os.Open(path) }
