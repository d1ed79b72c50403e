package dsn

import (
	"sync"
)

// textTriples is a set of the byte triples of a long text (the lower-case text of a message),
// hashed to 14 bits: a phrase with a triple absent from the set is absent from the text, and
// the substring search for it is not made. The message's detection phrase lists are searched in
// its whole text, most of them absent from it; the set rules most of them out for four lookups
// each. It is larger than the rules' tripleSet, made for short diagnostics, so that it stays
// sparse over a text of some kilobytes.
type textTriples [256]uint64

func textTripleKey(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 18
}

// triplesOfText returns the set of byte triples of text; nil for a text too short to have any.
// The set comes from a pool: releaseTriples gives it back.
func triplesOfText(text string) *textTriples {
	if len(text) < 3 {
		return nil
	}
	t := triplesPool.Get().(*textTriples)
	*t = textTriples{}
	// The key of each triple is made from the last three bytes, kept in the low bits of w.
	w := uint32(text[0])<<8 | uint32(text[1])
	for i := 2; i < len(text); i++ {
		w = w<<8 | uint32(text[i])
		k := (w & 0xffffff) * 0x9E3779B1 >> 18
		t[k>>6] |= 1 << (k & 63)
	}
	return t
}

var triplesPool = sync.Pool{New: func() any { return new(textTriples) }}

// releaseTriples gives t, from triplesOfText, back to the pool; nil is ignored.
func releaseTriples(t *textTriples) {
	if t != nil {
		triplesPool.Put(t)
	}
}

// mayContain tells whether the text of the set may contain phrase: false only when it does not.
// A nil set knows nothing: every phrase may be there.
func (t *textTriples) mayContain(phrase string) bool {
	n := len(phrase)
	if t == nil || n < 3 {
		return true
	}
	for _, at := range [4]int{0, n / 3, 2 * n / 3, n - 3} {
		at = min(at, n-3)
		k := textTripleKey(phrase[at], phrase[at+1], phrase[at+2])
		if t[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// containsAnyOf is containsAny(text, phrases) for a text whose triples are t (nil: unknown).
func containsAnyOf(text string, t *textTriples, phrases []string) bool {
	for _, p := range phrases {
		if t.mayContain(p) && containsPhrase(text, p) {
			return true
		}
	}
	return false
}

// lowerContainsAny tells whether the message's lower-case text contains one of phrases.
func (p *interpreter) lowerContainsAny(phrases []string) bool {
	return containsAnyOf(p.lower, p.lowerTriples, phrases)
}

// lowerContains tells whether the message's lower-case text contains phrase.
func (p *interpreter) lowerContains(phrase string) bool {
	return p.lowerTriples.mayContain(phrase) && containsPhrase(p.lower, phrase)
}
