package dsn

import (
	_ "embed"
	"hash/crc32"
	"strings"
	"unsafe"
)

// phrasesFile holds the detection phrase lists (see its opening comment).
//
//go:embed phrases.txt
var phrasesFile string

// phraseLists are the lists of phrases.txt by name; phrasesUsed the names the code reads.
var phraseLists, phrasesUsed = loadPhrases(), map[string]bool{}

//go:generate go test -run ^TestPhrasesTable$ -update-phrases .

// loadPhrases returns the lists of phrases.txt: the Go table generated from it
// (phrases_gen.go, static lists that cost no parsing at start-up, where each pipe's process
// reads them), or, should the text have changed since the table was generated, the text read
// now. TestPhrasesTable fails while they differ; `go generate ./dsn` regenerates the table.
func loadPhrases() map[string][]string {
	if crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(phrasesFile), len(phrasesFile))) == generatedPhrasesSum {
		return generatedPhrases
	}
	return parsePhrases(phrasesFile)
}

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
