// Package onecore runs `rebound pipe` on one processor. A pipe handles one message and exits;
// Postfix starts one per bounce. With the runtime's default of one processor (P) per CPU, every
// goroutine the process starts (the runtime's own, a timer, a log write) wakes an idle P and a
// thread to run it, and those threads spin, hand work over through futexes and fault in their
// stacks. Measured with scripts/bench.sh on 2 CPUs: about 45 fewer page faults and 0.8 ms less
// CPU time per pipe (docs/performance.md).
//
// The package imports only os and runtime, so that Go's initialisation order (of the packages
// whose imports are initialised, the first by import path) runs it among the first, before the
// inits that start goroutines. A GOMAXPROCS set in the environment is left as it is; other
// commands than pipe (parse and scan use every CPU) are not touched.
//
// Import it for its side effect, from package main.
package onecore

import (
	"os"
	"runtime"
)

func init() {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set && IsPipe(os.Args[1:]) {
		runtime.GOMAXPROCS(1)
	}
}

// ValueFlags are the global flags that take a value as the next argument (--config FILE): the
// flags of cmd/rebound's Globals, which TestValueFlagsAreTheGlobals holds to them.
var ValueFlags = []string{"--config", "--log-level", "--log-format"}

// IsPipe reports whether args (the command line without the program's name) run the pipe
// command: its first word that is neither a flag nor a global flag's value is "pipe".
func IsPipe(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || len(a) == 0 || a[0] != '-' {
			return a == "pipe"
		}
		for _, f := range ValueFlags {
			if a == f {
				i++ // its value
			}
		}
	}
	return false
}
