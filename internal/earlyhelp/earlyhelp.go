// Package earlyhelp prints `rebound --help` while the program is still starting: from this
// package's initialisation, before the packages that rebound's commands need (the SQLite and
// PostgreSQL drivers, net/http, YAML, kong, the parser's tables) are initialised, which was
// most of what a bare --help cost.
//
// Go initialises packages in a fixed order: of the packages whose imports are all initialised,
// the first by import path goes next. This package imports only the runtime's first packages
// (os, syscall, strconv), so it is initialised among the very first, and cmd/rebound imports
// it for that side effect alone. It prints only where kong would print exactly the same text
// (see Write); in every other case it does nothing and kong prints the help as before.
package earlyhelp

import (
	"os"
	"strconv"
)

// Wrap is the width Text is wrapped at: kong's when the output is not a terminal and COLUMNS
// is not set.
const Wrap = 80

func init() {
	if Write(os.Args[1:], os.Stdout) {
		os.Exit(0)
	}
}

// Write writes Text to out, and reports that it did, when args ask for rebound's help and
// nothing else (--help or -h alone), the help is wrapped at Wrap columns on out, and no
// environment variable of a global flag is set (kong checks their values before it prints the
// help, and a bad one fails). Otherwise it writes nothing and returns false.
func Write(args []string, out *os.File) bool {
	if len(args) != 1 || (args[0] != "--help" && args[0] != "-h") {
		return false
	}
	if width, known := helpWidth(out); !known || width != Wrap {
		return false
	}
	for _, env := range Env {
		if _, set := os.LookupEnv(env); set {
			return false
		}
	}
	out.WriteString(Text) //nolint:errcheck // as kong's help: a failed write still exits 0
	return true
}

// helpWidth is the width kong wraps its help at on out: COLUMNS when it is a number, else the
// terminal's width, else 80. known is false where the terminal's width cannot be asked here.
func helpWidth(out *os.File) (width int, known bool) {
	if cols, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil {
		return cols, true
	}
	return terminalWidth(out)
}
