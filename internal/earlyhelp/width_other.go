//go:build !linux

package earlyhelp

import "os"

// terminalWidth cannot ask the terminal here without golang.org/x/term: Write leaves the help
// to kong unless COLUMNS is set.
func terminalWidth(*os.File) (width int, known bool) { return 0, false }
