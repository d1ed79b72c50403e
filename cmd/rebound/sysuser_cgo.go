//go:build cgo && !osusergo && !pipeonly

package main

// osUserFilesOnly is false: os/user asks the C library, which follows nsswitch.conf.
const osUserFilesOnly = false
