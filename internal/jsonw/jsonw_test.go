package jsonw

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendStringAsEncoding holds AppendString, which passes runs of eight plain bytes
// at once, to encoding/json (without HTML escaping) over texts of up to 40 bytes made of plain
// bytes and of every kind that needs escaping or replacing, at every place of a word.
func TestAppendStringAsEncoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "~", " ", "!", "#", "[", "]", "\"", "\\", "\x00", "\x1f", "\n", "\t", "\x7f", "\u00e9", "\u2028", "\u2029", "\xff", "\xc3", "<", "&"}
	for range 30000 {
		var b strings.Builder
		for n := rng.IntN(40); b.Len() < n; {
			if rng.IntN(3) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString("plain text")
			}
		}
		s := b.String()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := AppendString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want.String())
		}
	}
}
