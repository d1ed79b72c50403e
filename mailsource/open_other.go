//go:build !unix

package mailsource

import (
	"io"
	"os"
)

// openFile opens a message file for reading.
func openFile(path string) (io.ReadCloser, error) { return os.Open(path) }

// dirOpener opens message files by their path on this platform (see the Unix one).
type dirOpener struct{}

func (o *dirOpener) open(path string) (io.ReadCloser, error) { return openFile(path) }

func (o *dirOpener) close() {}
