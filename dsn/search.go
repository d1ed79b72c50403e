package dsn

import "strings"

// The parser searches the texts of a message (its lower-case text, a diagnostic, a block of
// lines) for many short phrases, most of them absent. strings.Index scans a long text for the
// phrase's first byte, a letter as common as "d" or "s" in most phrases, and stops at each
// occurrence of it to compare: in a text of some kilobytes that is hundreds of stops per phrase.
// indexPhrase scans for the phrase's least common byte instead (by byteRank, counted over the
// bounces of the shared corpus in lower case), which stops far less often, and compares the
// whole phrase around it. The answers are strings.Index's: TestIndexPhraseAsIndex and
// FuzzIndexPhrase hold them to it.

// commonBytes lists the bytes of lower-case bounce text from the most common on: the space,
// the letters, digits and punctuation of English text, headers and addresses. A byte not listed
// is rarer than any listed.
const commonBytes = " eatoirn0smlpdc.-\n2:f1ughxbyk35v4jw9867=;qz/\"<>()+@\r,_\t[]'#?!*&$%}{"

// byteRank orders bytes by how common they are in lower-case bounce text: 0 for the most
// common, len(commonBytes) for every byte that is not listed.
var byteRank = func() (rank [256]uint8) {
	for i := range rank {
		rank[i] = uint8(len(commonBytes))
	}
	for i := len(commonBytes) - 1; i >= 0; i-- {
		rank[commonBytes[i]] = uint8(i)
	}
	return rank
}()

// rareByteAt returns the offset of the least common byte of s (the last of equals, so that
// a phrase's rare byte is not its first, which strings.Index already tries), by byteRank.
func rareByteAt(s string) int {
	at, best := 0, -1
	for i := 0; i < len(s); i++ {
		if r := int(byteRank[s[i]]); r >= best {
			at, best = i, r
		}
	}
	return at
}

// rareOffset is rareByteAt(s) for a table of phrases: 0 for a phrase longer than 255 bytes
// (any offset gives the same answers).
func rareOffset(s string) uint8 {
	if at := rareByteAt(s); at <= 255 {
		return uint8(at)
	}
	return 0
}

// indexPhrase is strings.Index(s, phrase), faster on a long s where phrase's first byte is
// common.
func indexPhrase(s, phrase string) int {
	if len(phrase) < 2 || len(s) < 64 || len(phrase) > len(s) {
		return strings.Index(s, phrase) // short texts: the brute-force search is as fast
	}
	return indexAround(s, phrase, rareByteAt(phrase))
}

// indexPhraseRare is indexPhrase with phrase's rareByteAt found beforehand (rare).
func indexPhraseRare(s, phrase string, rare int) int {
	if len(phrase) < 2 || len(s) < 64 || len(phrase) > len(s) {
		return strings.Index(s, phrase)
	}
	return indexAround(s, phrase, rare)
}

// indexAround returns where phrase first starts in s, or -1, searching s for phrase's byte at
// off (len(phrase) <= len(s)).
func indexAround(s, phrase string, off int) int {
	n := len(phrase)
	c := phrase[off]
	last := len(s) - n + off // the last place c can be for phrase to fit in s
	fails := 0
	for i := off; i <= last; {
		j := strings.IndexByte(s[i:last+1], c)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-off:i-off+n] == phrase {
			return i - off
		}
		i++
		// A text where even this byte is common: strings.Index's own search of the rest
		// (it moves to a brute-force search when stops are many).
		if fails++; fails > 4+i>>4 {
			if k := strings.Index(s[i-off:], phrase); k >= 0 {
				return i - off + k
			}
			return -1
		}
	}
	return -1
}

// containsPhrase is strings.Contains(s, phrase) by indexPhrase.
func containsPhrase(s, phrase string) bool { return indexPhrase(s, phrase) >= 0 }
