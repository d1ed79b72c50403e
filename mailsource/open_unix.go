//go:build unix

package mailsource

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// openFile opens a message file for reading with the plain system calls. os.Open also sets the
// file's flags with fcntl and offers it to the runtime's poller (an epoll_ctl that fails for a
// regular file): five more system calls for every file, which a batch parse of small files pays
// thousands of times. Errors are os.PathErrors, as os.Open's are.
func openFile(path string) (io.ReadCloser, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return &rawFile{fd: fd, path: path}, nil
	}
}

// rawFile reads an open file descriptor with read(2), retried on EINTR. Once read(2) has
// returned the end of the file, further reads return io.EOF without asking again: the readers
// above it (bufio, the parser's line reader) ask once more after the end, a system call per
// message file for nothing.
type rawFile struct {
	fd   int
	path string
	eof  bool
}

func (f *rawFile) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if f.eof {
		return 0, io.EOF
	}
	for {
		n, err := syscall.Read(f.fd, p)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &os.PathError{Op: "read", Path: f.path, Err: err}
		}
		if n == 0 {
			f.eof = true
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *rawFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &os.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}

// dirOpener opens message files relative to a descriptor of their directory, kept from one file
// to the next: the kernel then resolves the file's name alone, not every directory of its path
// again (a batch parse opens thousands of files of one directory). A directory that cannot be opened, or a file that cannot be opened in
// it, is opened by its path, so that errors are openFile's.
type dirOpener struct {
	dir   string // the directory of dirfd; "" for none
	dirfd int
}

// open opens path for reading, as openFile does.
func (o *dirOpener) open(path string) (io.ReadCloser, error) {
	dir, name := filepath.Split(path)
	if dir == "" || name == "" || name == "." || name == ".." {
		return openFile(path)
	}
	if dir != o.dir {
		o.close()
		fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err != nil {
			return openFile(path)
		}
		o.dir, o.dirfd = dir, fd
	}
	for {
		fd, err := syscall.Openat(o.dirfd, name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return openFile(path)
		}
		return &rawFile{fd: fd, path: path}, nil
	}
}

// close closes the directory's descriptor, if any.
func (o *dirOpener) close() {
	if o.dir != "" {
		syscall.Close(o.dirfd)
		o.dir = ""
	}
}
