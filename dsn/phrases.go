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
// It runs at every start: it reads the lines in place and stores each list once, when the next
// begins.
func parsePhrases(data string) map[string][]string {
	lists := make(map[string][]string, 64)
	name := ""
	var list []string
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[' && line[len(line)-1] == ']':
			if name != "" || list != nil {
				lists[name] = list
			}
			name, list = line[1:len(line)-1], []string{}
		default:
			list = append(list, line)
		}
	}
	if name != "" || list != nil {
		lists[name] = list
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
