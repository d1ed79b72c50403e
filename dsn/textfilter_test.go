package dsn

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTextTriples checks the filter of phrase searches: it never rules out a phrase that the
// text contains (every substring of a text, every phrase of phrases.txt found in it), and it
// rules out most phrases of phrases.txt that a text of a few kilobytes does not contain.
func TestTextTriples(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the mail system delivery to the following recipients failed permanently " +
		"please contact your administrator host said user unknown mailbox full quota 550 5.1.1 " +
		"<user@example.com> smtp; message rejected relay denied dns lookup timed out")
	var all []string
	for _, list := range phraseLists {
		all = append(all, list...)
	}
	for round := range 40 {
		var b strings.Builder
		for b.Len() < 100+round*100 {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(" \n"[rng.IntN(2)])
		}
		text := b.String()
		triples := triplesOfText(text)
		for range 200 {
			i := rng.IntN(len(text))
			j := min(len(text), i+1+rng.IntN(40))
			if !triples.mayContain(text[i:j]) {
				t.Fatalf("ruled out %q, which the text contains", text[i:j])
			}
		}
		absent, ruledOut := 0, 0
		for _, phrase := range all {
			switch {
			case strings.Contains(text, phrase):
				if !triples.mayContain(phrase) {
					t.Fatalf("ruled out %q, which the text contains", phrase)
				}
			case len(phrase) >= 3:
				absent++
				if !triples.mayContain(phrase) {
					ruledOut++
				}
			}
		}
		if ruledOut*10 < absent*9 {
			t.Errorf("text of %d bytes: %d of %d absent phrases ruled out, want 90%%", len(text), ruledOut, absent)
		}
	}
	if triplesOfText("ab").mayContain("abc") != true || (*textTriples)(nil).mayContain("xyz") != true {
		t.Error("a set that knows nothing must let every phrase through")
	}
}

// TestTextTriplesReused checks that a set given back to the pool comes out empty: the triples
// of one message never let a phrase of another through.
func TestTextTriplesReused(t *testing.T) {
	for range 10 {
		releaseTriples(triplesOfText("mailbox unavailable: quota exceeded for this user"))
		if fresh := triplesOfText("relay access denied"); fresh.mayContain("quota exceeded") {
			t.Fatal("a reused set still holds the triples of the text it was made for")
		}
	}
}
