package dsn

import (
	"os"
	"strings"
	"testing"
)

// TestIndexPhraseAsIndex holds indexPhrase and indexPhraseRare to strings.Index: phrases at every
// place of long and short texts, absent phrases, phrases whose rare byte is common in the text
// (the fall-back to strings.Index), the text's own ends, and every offset given to
// indexPhraseRare.
func TestIndexPhraseAsIndex(t *testing.T) {
	long := strings.Repeat("the recipient's mailbox is full, please try again later. ", 8)
	texts := []string{
		"", "a", "user unknown", long,
		long + "mailbox unavailable",
		"mailbox unavailable" + long,
		strings.Repeat("x", 200) + "xyz" + strings.Repeat("x", 50),
		strings.Repeat("zzzz zzzq ", 40) + "zzqz",
		strings.Repeat("\n", 100) + "\nreturn-path: <a@example.org>",
		strings.Repeat("a@b ", 30) + "a@b.c",
	}
	phrases := []string{
		"", "x", "zz", "xyz", "zzqz", "q", "mailbox unavailable", "mailbox is full", "try again later. the",
		"\nreturn-path:", "a@b.c", "not there at all", "later.", "the recipient's",
		strings.Repeat("x", 70), long[3:90],
	}
	for _, text := range texts {
		for _, p := range phrases {
			want := strings.Index(text, p)
			if got := indexPhrase(text, p); got != want {
				t.Errorf("indexPhrase(%.30q…, %q) = %d, strings.Index says %d", text, p, got, want)
			}
			for off := range len(p) {
				if got := indexPhraseRare(text, p, off); got != want {
					t.Errorf("indexPhraseRare(%.30q…, %q, %d) = %d, strings.Index says %d", text, p, off, got, want)
				}
			}
			if got := containsPhrase(text, p); got != (want >= 0) {
				t.Errorf("containsPhrase(%.30q…, %q) = %v", text, p, got)
			}
		}
	}
}

// TestRareByteAt checks that the byte picked is one of the least common of the phrase by
// byteRank, the last of them.
func TestRareByteAt(t *testing.T) {
	for _, tc := range []struct {
		phrase string
		want   int
	}{
		{"a", 0},
		{"mailbox full", 4}, // 'b' is the least common of its bytes
		{"quota", 0},
		{"user@host", 4},
		{"zz", 1}, // equals: the last
		{"\u00e9t\u00e9", 4},
	} {
		if got := rareByteAt(tc.phrase); got != tc.want {
			t.Errorf("rareByteAt(%q) = %d, want %d", tc.phrase, got, tc.want)
		}
	}
	if rareOffset(strings.Repeat("a", 300)+"q") != 0 {
		t.Error("rareOffset of a phrase longer than 255 bytes is not 0")
	}
}

// FuzzIndexPhrase holds indexPhrase to strings.Index on any text and phrase, the phrase also
// cut from the text.
func FuzzIndexPhrase(f *testing.F) {
	f.Add(strings.Repeat("delivery to the following recipient failed ", 3), "recipient failed", 5)
	f.Add(strings.Repeat("qqqq", 40), "qqqz", 0)
	f.Fuzz(func(t *testing.T, text, phrase string, at int) {
		if len(text) > 0 && at >= 0 {
			start := at % len(text)
			cut := text[start:min(len(text), start+1+at%17)]
			if got, want := indexPhrase(text, cut), strings.Index(text, cut); got != want {
				t.Fatalf("indexPhrase(%q, %q) = %d, want %d", text, cut, got, want)
			}
		}
		if got, want := indexPhrase(text, phrase), strings.Index(text, phrase); got != want {
			t.Fatalf("indexPhrase(%q, %q) = %d, want %d", text, phrase, got, want)
		}
	})
}

// BenchmarkPhraseSearch searches the lower-case texts of the shared corpus's messages (their
// first 8 kB) for each phrase of the built-in rules, with indexPhrase and with strings.Index:
// most phrases are absent, as in the parser. One op is one text searched for every phrase. It
// guards the speed of indexPhrase against strings.Index (docs/performance.md).
func BenchmarkPhraseSearch(b *testing.B) {
	var texts []string
	for _, path := range corpusPathsIfPresent() {
		if raw, err := os.ReadFile(path); err == nil && len(raw) > 0 {
			texts = append(texts, asciiLower(string(raw[:min(len(raw), 8<<10)])))
		}
	}
	if len(texts) < 100 {
		b.Skip("shared corpus not found")
	}
	var phrases []string
	for _, r := range builtinTable().rules {
		if r.phrase != "" {
			phrases = append(phrases, r.phrase)
		}
	}
	for _, search := range []struct {
		name  string
		index func(s, phrase string) int
	}{{"indexPhrase", indexPhrase}, {"strings.Index", strings.Index}} {
		b.Run(search.name, func(b *testing.B) {
			found, n := 0, 0
			for b.Loop() {
				text := texts[n%len(texts)]
				n++
				for _, p := range phrases {
					if search.index(text, p) >= 0 {
						found++
					}
				}
			}
			b.ReportMetric(float64(found)/float64(b.N), "found/op")
		})
	}
}
