package dsn

import (
	"strings"
	"testing"
)

// TestPhraseLists checks phrases.txt: every list is read by the code and holds phrases; a
// phrase is lower case (the text it is looked for is), without surrounding blanks, and given
// once in its list; nothing stands before the first list.
func TestPhraseLists(t *testing.T) {
	lines := strings.Split(phrasesFile, "\n")
	name := ""
	seen := map[string]bool{}
	for i, line := range lines {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name = line[1 : len(line)-1]
			if seen[name] {
				t.Errorf("line %d: list [%s] twice", i+1, name)
			}
			seen[name] = true
			continue
		}
		switch {
		case name == "":
			t.Errorf("line %d: phrase %q before any [list]", i+1, line)
		case strings.TrimSpace(line) != line:
			t.Errorf("line %d: phrase %q has blanks around it", i+1, line)
		case strings.ToLower(line) != line:
			t.Errorf("line %d: phrase %q is not lower case", i+1, line)
		}
	}
	for name, list := range phraseLists {
		if !phrasesUsed[name] {
			t.Errorf("list [%s] is read by no code", name)
		}
		if len(list) == 0 {
			t.Errorf("list [%s] is empty", name)
		}
		dup := map[string]bool{}
		for _, p := range list {
			if dup[p] {
				t.Errorf("list [%s] has %q twice", name, p)
			}
			dup[p] = true
		}
	}
}

// TestParsePhrases: lists keep their order, comments and blank lines are not phrases.
func TestParsePhrases(t *testing.T) {
	got := parsePhrases("# about\n[a]\n# why\nfirst\n\nsecond\n[b]\nthird\n")
	if strings.Join(got["a"], "|") != "first|second" || strings.Join(got["b"], "|") != "third" || len(got) != 2 {
		t.Errorf("parsePhrases = %q", got)
	}
}
