// Command stdinonly reads its standard input to the end and exits: the floor that
// scripts/bench.sh compares a `rebound pipe` process with (the cost of starting a Go program).
package main

import (
	"io"
	"os"
)

func main() {
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		os.Exit(1)
	}
}
