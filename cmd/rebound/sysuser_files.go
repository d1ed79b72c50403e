//go:build (!cgo || osusergo) && !pipeonly

package main

// osUserFilesOnly is true: os/user is Go's own and reads only /etc/passwd and /etc/group.
const osUserFilesOnly = true
