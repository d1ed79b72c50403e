//go:build !pipeonly

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// runUser is the user whose permissions check tests: the one pipe, flush and scan run as.
type runUser struct {
	name     string
	uid, gid uint32
	groups   []uint32
	current  bool // this process runs as it
}

// lookupRunUser finds name (a user name or uid), or the current user when name is empty.
func lookupRunUser(name string) (*runUser, error) {
	var u *user.User
	var err error
	switch {
	case name == "":
		u, err = lookupUserID(strconv.Itoa(os.Geteuid()))
	default:
		if u, err = lookupUser(name); err != nil {
			if _, nerr := strconv.Atoi(name); nerr == nil {
				u, err = lookupUserID(name)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("user %q: %w", name, err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	r := &runUser{name: u.Username, uid: uint32(uid), gid: uint32(gid), current: int(uid) == os.Geteuid()}
	gids, _ := groupIDs(u)
	for _, g := range gids {
		if n, err := strconv.ParseUint(g, 10, 32); err == nil {
			r.groups = append(r.groups, uint32(n))
		}
	}
	return r, nil
}

func (r *runUser) inGroup(gid uint32) bool {
	if gid == r.gid {
		return true
	}
	for _, g := range r.groups {
		if g == gid {
			return true
		}
	}
	return false
}

// canWrite says whether the user can create, rename and remove files in dir. For the current
// user the kernel answers (access(2)); as root for another user, a child process running with
// that user's ids answers; otherwise the owners and modes of dir and its parents are compared.
func (r *runUser) canWrite(dir string) error {
	return r.can(dir, "write", accessWrite|accessSearch, `test -d "$1" && test -w "$1" && test -x "$1"`)
}

// canRead says whether the user can read the file at path, found the same way as canWrite.
func (r *runUser) canRead(path string) error {
	return r.can(path, "read", accessRead, `test -r "$1"`)
}

// The access(2) bits: X_OK, W_OK, R_OK.
const accessSearch, accessWrite, accessRead = 1, 2, 4

// can says whether the user may do what (the access bits) to path: the kernel for the current
// user, the shell test script run with the user's ids as root, else the owners and modes of path
// and of its parents.
func (r *runUser) can(path, what string, bits uint32, script string) error {
	switch {
	case r.current:
		if err := syscall.Access(path, bits); err != nil {
			return fmt.Errorf("%s cannot %s %s (%s): %w", r.name, what, path, ownerMode(path), err)
		}
		return nil
	case os.Geteuid() == 0:
		return r.test(script, what, path)
	}
	if !r.modeAllows(path, bits) {
		return fmt.Errorf("%s cannot %s %s (%s)", r.name, what, path, ownerMode(path))
	}
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		if !r.modeAllows(p, accessSearch) {
			return fmt.Errorf("%s cannot enter %s (%s)", r.name, p, ownerMode(p))
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// test runs the shell test script on path in a child process with the user's ids (the caller
// is root): its failure means the user cannot do what (read, write) there.
func (r *runUser) test(script, what, path string) error {
	cmd := exec.Command("/bin/sh", "-c", script, "sh", path)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: r.uid, Gid: r.gid, Groups: r.groups}}
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Errorf("%s cannot %s %s (%s)", r.name, what, path, ownerMode(path))
	}
	if err != nil {
		return fmt.Errorf("testing %s's access to %s: %w", r.name, path, err)
	}
	return nil
}

// modeAllows compares the permission bits of path with the user's ids.
func (r *runUser) modeAllows(path string, want uint32) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || r.uid == 0 {
		return ok
	}
	perm := uint32(fi.Mode().Perm())
	switch {
	case st.Uid == r.uid:
		perm >>= 6
	case r.inGroup(st.Gid):
		perm >>= 3
	}
	return perm&want == want
}

// ownerMode describes the owner, group and mode of path: "root:root 0750".
func ownerMode(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return err.Error()
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fi.Mode().String()
	}
	owner, group := userName(strconv.Itoa(int(st.Uid))), groupName(strconv.Itoa(int(st.Gid)))
	return fmt.Sprintf("%s:%s %04o", owner, group, fi.Mode().Perm())
}

// existingParent returns the nearest existing directory above path.
func existingParent(path string) string {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) || p == filepath.Dir(p) {
			return p
		}
	}
}

// fileOwner returns the owner and group of a file.
func fileOwner(fi os.FileInfo) (uid, gid uint32) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Uid, st.Gid
	}
	return 0, 0
}
