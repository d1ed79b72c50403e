package dsn

import (
	"strings"
	"sync"
)

// phraseSet is a list of phrases that short texts are searched for all at once: a line, the
// words before an address, a subject. containsAny searches such a text once per phrase, a
// call and a scan each, though most phrases are absent and most are longer than the text. A
// phraseSet reads the text once instead: at each place, the hash of its two bytes (pairKey)
// tells whether a phrase may start there, and only those phrases are compared. The answers
// are containsAny's (TestPhraseSetAsContainsAny); a long text goes to containsAny, whose
// scans for a rare byte are the faster there.
type phraseSet struct {
	phrases []string
	pairs   [phraseScanPairs / 64]uint64 // bit pairKey(p[0], p[1]) of each phrase p of two bytes or more
	keys    []uint32                     // pairKey of each phrase's two first bytes, as phrases
	short   []string                     // the phrases of fewer than two bytes, searched on their own
}

// phraseSetMaxText is the longest text that phraseSet.in reads itself.
const phraseSetMaxText = 256

// newPhraseSet returns the phraseSet of phrases.
func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{phrases: phrases, keys: make([]uint32, len(phrases))}
	for i, p := range phrases {
		if len(p) < 2 {
			ps.short = append(ps.short, p)
			continue
		}
		k := pairKey(p[0], p[1])
		ps.keys[i] = k
		ps.pairs[k>>6] |= 1 << (k & 63)
	}
	return ps
}

// lazyPhraseSet returns a function that gives the phraseSet of phrases, made at its first call:
// a process that never reads a list does not build its set.
func lazyPhraseSet(phrases []string) func() *phraseSet {
	return sync.OnceValue(func() *phraseSet { return newPhraseSet(phrases) })
}

// in tells whether s contains one of the phrases: containsAny(s, ps.phrases).
func (ps *phraseSet) in(s string) bool {
	if len(s) > phraseSetMaxText {
		return containsAny(s, ps.phrases)
	}
	for _, p := range ps.short {
		if strings.Contains(s, p) {
			return true
		}
	}
	for i := 0; i+1 < len(s); i++ {
		k := pairKey(s[i], s[i+1])
		if ps.pairs[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for j, p := range ps.phrases {
			if ps.keys[j] == k && len(p) >= 2 && strings.HasPrefix(s[i:], p) {
				return true
			}
		}
	}
	return false
}
