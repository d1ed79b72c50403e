package dsn

import (
	"os"
	"strings"
	"testing"
)

// collapseByteByByte is collapseReplyPrefixes as it was written first, a byte at a time: the
// reference of TestCollapseReplyPrefixesAsByteByByte.
func collapseByteByByte(s string) string {
	if len(s) < 20 {
		return s
	}
	opening := ""
	if replyCodeAt(s, 0) && s[3] == '-' {
		opening = s[:3]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 4 && replyCodeAt(s, i) && i+4 < len(s) && (s[i+3] == '-' || s[i+3] == ' ') {
			if n := statusAt(s, i+4); n > 0 && i+4+n < len(s) && s[i+4+n] == ' ' {
				i += 4 + n
				continue
			}
			if s[i-1] == ' ' && s[i:i+3] == opening {
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestCollapseReplyPrefixesAsByteByByte holds collapseReplyPrefixes, which copies runs, to the
// byte-at-a-time version over multi-line replies, codes at the ends of the text, and every
// diagnostic of the shared corpus.
func TestCollapseReplyPrefixesAsByteByByte(t *testing.T) {
	texts := []string{
		"550-5.7.1 Messages with multiple 550-5.7.1 addresses in From are not accepted 550 5.7.1 x",
		"421-4.7.0 Too many 421 sessions opened 421 from your host",
		"421-Too many 421 sessions opened 421 ",
		"short 550-5.7.1",
		"550 5.1.1 user unknown, 550-5.1.1 again 550-5.1.1",
		"a text without any code at all, long enough",
		"452-4.2.2 The email account that you tried to reach is over quota. 452-4.2.2 Please direct",
		"550-5.7.1 x 550-5.7.1 ",
	}
	for _, r := range builtinTable().rules {
		texts = append(texts, "550-5.7.1 "+r.phrase+" 550-5.7.1 "+r.phrase)
	}
	for _, path := range corpusPathsIfPresent() {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		rep, err := Parse(f, nil)
		f.Close()
		if err == nil {
			for _, rc := range rep.Recipients {
				texts = append(texts, rc.Diagnostic)
			}
		}
	}
	for _, s := range texts {
		if got, want := collapseReplyPrefixes(s), collapseByteByByte(s); got != want {
			t.Errorf("collapseReplyPrefixes(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzCollapseReplyPrefixes holds collapseReplyPrefixes to the byte-at-a-time version.
func FuzzCollapseReplyPrefixes(f *testing.F) {
	f.Add("550-5.7.1 Messages with multiple 550-5.7.1 addresses")
	f.Add("421-Too many 421 sessions opened 421 ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseReplyPrefixes(s), collapseByteByByte(s); got != want {
			t.Fatalf("collapseReplyPrefixes(%q) = %q, want %q", s, got, want)
		}
	})
}
