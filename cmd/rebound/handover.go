package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// A rebound built without a history back-end (the pipe-only build that scripts/install.sh
// installs as rebound-pipe for the MTA, or a build with -tags nosqlite/nopostgres) hands a
// command that needs that back-end to the full rebound installed beside it, the same program
// with the same arguments, environment and unread standard input, so that the MTA's command
// line can name the small binary whatever the configuration says. Without a full rebound
// beside it, the command fails as before, with the error naming the missing back-end's tag.

// fullBinaryName is the name of the full binary looked for in the directory of this one.
const fullBinaryName = "rebound"

// handedOverEnv is set in the environment of the full rebound a command is handed to: the
// warnings about the configuration (its permissions, deprecated variables) were logged by the
// process that handed it over, and are not logged twice.
const handedOverEnv = "REBOUND_HANDED_OVER"

// handOver replaces this process with the full rebound beside it, which has the back-end
// this one lacks (why). It returns only when it cannot: no such file, the same file as this
// one (a full-named build without the back-end: handing over would loop), or exec failed; the
// error then says why, after the reason it was needed.
func handOver(why error) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("%w; and this binary's own path is unknown: %v", why, err)
	}
	full := filepath.Join(filepath.Dir(self), fullBinaryName)
	selfInfo, err := os.Stat(self)
	if err != nil {
		return fmt.Errorf("%w; and this binary cannot be read: %v", why, err)
	}
	fullInfo, err := os.Stat(full)
	if err != nil {
		return fmt.Errorf("%w; no full rebound to hand it to beside this binary (%s)", why, full)
	}
	if os.SameFile(selfInfo, fullInfo) {
		return why
	}
	args := append([]string{full}, os.Args[1:]...)
	err = syscall.Exec(full, args, append(os.Environ(), handedOverEnv+"=1"))
	return fmt.Errorf("%w; handing it to %s failed: %v", why, full, err)
}
