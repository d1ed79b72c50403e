package dsn

import (
	_ "embed"
	"strings"
)

// phrasesFile holds the detection phrase lists (see its opening comment).
//
//go:embed phrases.txt
var phrasesFile string

// phraseLists are the lists of phrases.txt by name; phrasesUsed the names the code reads.
var phraseLists, phrasesUsed = parsePhrases(phrasesFile), map[string]bool{}

// parsePhrases reads the lists of a phrases file. Their form is checked by TestPhraseLists.
func parsePhrases(data string) map[string][]string {
	lists := map[string][]string{}
	name := ""
	for _, line := range strings.Split(data, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name = line[1 : len(line)-1]
			lists[name] = []string{}
		default:
			lists[name] = append(lists[name], line)
		}
	}
	return lists
}

// phraseList returns the list name of phrases.txt. A name the file lacks is a mistake of the
// code, found at the start of any test.
func phraseList(name string) []string {
	list, ok := phraseLists[name]
	if !ok {
		panic("dsn: phrases.txt has no list [" + name + "]")
	}
	phrasesUsed[name] = true
	return list
}
