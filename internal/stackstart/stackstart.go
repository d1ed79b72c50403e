// Package stackstart grows the main goroutine's stack once, as the process starts, so that it
// is not grown again later, deep in a call chain.
//
// A goroutine starts with a small stack, and each time it runs out Go copies it into one twice
// as large, reading the function table (.gopclntab) for every frame on it to adjust pointers.
// The main goroutine of rebound runs the package inits, the command line, the configuration and
// the parser, and used to grow its stack several times, deep in those calls: each copy read
// the table entries of many functions spread over the 7 MB table, about 25 page faults and
// 0.5 MB of a `rebound pipe` process. Grown here, before the other inits of rebound's own and
// third-party packages (the init order runs this package early: it imports nothing and its path
// sorts before theirs), the copy reads the entries of the two or three frames on the stack.
// Measured with scripts/bench.sh (docs/performance.md): 0.5 to 0.6 MB less peak RSS for a pipe,
// 0.3 MB for --help.
//
// Import it for its side effect, from package main.
package stackstart

// frame is the size of grow's frame: the stack becomes 32 kB, which a pipe reaches anyway.
const frame = 16 << 10

func init() { grow(0) }

// grow has a frame of frame bytes, which makes the runtime grow the stack to hold it.
//
//go:noinline
func grow(i int) byte {
	var b [frame]byte
	b[i] = 1
	return b[i/2]
}
