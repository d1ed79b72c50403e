package dsn

import (
	"strings"
	"testing"
)

// TestTrimLeftBlanksAsTrimLeft holds trimLeftBlanks to strings.TrimLeft(s, " \t\r").
func TestTrimLeftBlanksAsTrimLeft(t *testing.T) {
	for _, s := range []string{"", " ", "\t\r x", "  > quoted", "\r\n", "x  ", "\u00a0 nbsp", " \t\r\t  "} {
		if got, want := trimLeftBlanks(s), strings.TrimLeft(s, " \t\r"); got != want {
			t.Errorf("trimLeftBlanks(%q) = %q, want %q", s, got, want)
		}
	}
}
