package dsn

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// TestPhraseSetAsContainsAny holds phraseSet.in to containsAny: every list of phrases.txt
// (and lists with phrases of one byte and none), over the lines of the fixtures, pieces of the
// phrases themselves and texts made of them, cut at every length up to a phrase's and beyond.
func TestPhraseSetAsContainsAny(t *testing.T) {
	names := make([]string, 0, len(phraseLists))
	for name := range phraseLists {
		names = append(names, name)
	}
	sort.Strings(names)
	lists := [][]string{{"a", "xy", ""}, {"é", "ab"}, nil}
	for _, name := range names {
		lists = append(lists, phraseLists[name])
	}
	texts := fixtureTexts(t, "\n")
	rng := rand.New(rand.NewPCG(14, 3))
	for _, list := range lists {
		ps := newPhraseSet(list)
		cases := texts
		for _, p := range list {
			for cut := range len(p) + 1 {
				cases = append(cases, p[:cut], p[cut:], "x"+p[:cut], p+"!", strings.ToUpper(p))
			}
			other := list[rng.IntN(len(list))]
			cases = append(cases, other+" "+p, p+other, strings.Repeat("z", phraseSetMaxText)+p)
		}
		for _, s := range cases {
			if got, want := ps.in(s), containsAny(s, list); got != want {
				t.Fatalf("phraseSet%q.in(%q) = %v, containsAny %v", list, s, got, want)
			}
		}
	}
}
