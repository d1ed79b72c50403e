package dsn

import (
	"os"
	"strings"
	"testing"
)

// matchWithoutFilters is Rules.match without any of its filters: every rule read whole, in order.
func matchWithoutFilters(rs *Rules, in matchInput) (string, bool) {
	for _, r := range rs.rules {
		if r.conditionsHold(in) && r.matches(in) {
			return r.reason, r.final
		}
	}
	return "", false
}

// TestMatchFiltersRuleOutNothing checks that the filters of match (the triples of the text,
// the compact table of the rules, the keys of the regular expressions' required texts) never
// change its answer: over every phrase of the built-in table set in a text, and over the text of
// every fixture, cut in paragraphs, it answers as the plain reading of every rule.
func TestMatchFiltersRuleOutNothing(t *testing.T) {
	var texts []string
	for _, r := range builtin.rules {
		if r.phrase != "" {
			texts = append(texts, "550 5.1.1 <a@example.com>: "+r.phrase+" (in reply to rcpt to command)")
		}
	}
	texts = append(texts, fixtureTexts(t, "\n\n")...)
	texts = append(texts, "", "x", "5.", "550") // too short for a triple of a phrase
	for _, text := range texts {
		for _, status := range []string{"", "5.7.1"} {
			in := matchInput{text: text, status: status, command: "RCPT"}
			gotReason, gotFinal := builtin.match(in)
			wantReason, wantFinal := matchWithoutFilters(builtin, in)
			if gotReason != wantReason || gotFinal != wantFinal {
				t.Errorf("%.120q status %q: match gives %q %v, the rules read whole %q %v", text, status, gotReason, gotFinal, wantReason, wantFinal)
			}
		}
	}
}

// fixtureTexts returns the texts of the fixtures in lower case, cut at every sep.
func fixtureTexts(t *testing.T, sep string) []string {
	var texts []string
	for _, file := range readerFixtures(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(strings.ToLower(string(data)), sep)...)
	}
	return texts
}

// TestTripleSetAdd holds tripleSet.add, which carries two bytes from one triple to the next, to
// the key of each triple made from its three bytes.
func TestTripleSetAdd(t *testing.T) {
	for _, text := range append(fixtureTexts(t, "\n\n"), "", "a", "ab", "abc", "\xff\x00\xfe\x01") {
		var got, want tripleSet
		got.add(text)
		for i := 0; i+2 < len(text); i++ {
			k := tripleKey(text[i], text[i+1], text[i+2])
			want[k>>6] |= 1 << (k & 63)
		}
		if got != want {
			t.Fatalf("add(%.100q) made another set than its triples' keys", text)
		}
	}
}
