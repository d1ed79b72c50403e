package main

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

//go:generate go test -run ^TestHelpUpToDate$ -update-help .

// helpWrap is the width helpText is wrapped at: kong's when the output is not a terminal and
// COLUMNS is not set.
const helpWrap = 80

// writeFastHelp writes `rebound --help` from helpText (help_gen.go, rendered by kong from CLI
// when it was generated) without building the command model, the most of what --help cost,
// and reports whether it did. It does so only where kong would print exactly that text: args
// are --help or -h alone, the help is wrapped at helpWrap columns, and no environment variable
// of a global flag is set (kong checks their values before it prints the help, and a bad one
// fails); anything else goes through kong. TestHelpUpToDate holds helpText to kong's output.
func writeFastHelp(args []string, out *os.File) bool {
	if len(args) != 1 || (args[0] != "--help" && args[0] != "-h") || helpWidth(out) != helpWrap {
		return false
	}
	for _, env := range helpEnv {
		if _, set := os.LookupEnv(env); set {
			return false
		}
	}
	out.WriteString(helpText) //nolint:errcheck // as kong's help: a failed write still exits 0
	return true
}

// helpWidth is the width kong wraps its help at on out: COLUMNS, else the terminal's width,
// else 80.
func helpWidth(out *os.File) int {
	if cols, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil {
		return cols
	}
	if w, _, err := term.GetSize(int(out.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}
