package dsn

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// reasonRow is one row of the table in docs/reasons.md.
type reasonRow struct {
	reason        Reason
	category      Category
	hard, example string
}

// readReasonsDocument reads the table of docs/reasons.md: reason, category, hard, meaning,
// example.
func readReasonsDocument(t *testing.T) []reasonRow {
	t.Helper()
	raw, err := os.ReadFile("../docs/reasons.md")
	if err != nil {
		t.Fatal(err)
	}
	var rows []reasonRow
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 5 {
			t.Fatalf("docs/reasons.md: a row needs 5 cells: %s", line)
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, reasonRow{
			reason: Reason(strings.Trim(cells[0], "`")), category: Category(cells[1]), hard: cells[2], example: cells[4],
		})
	}
	return rows
}

// TestReasonsDocument checks docs/reasons.md against the classifier: it lists every reason of
// the vocabulary once and no other, with the category and hard flag that Judge gives, and each
// example (a server's reply, a local program's message, a bare status, or a message file of
// testdata/) is classified as the reason of its row.
func TestReasonsDocument(t *testing.T) {
	rows := readReasonsDocument(t)
	documented := map[Reason]bool{}
	for _, r := range rows {
		if documented[r.reason] {
			t.Errorf("docs/reasons.md lists %s twice", r.reason)
		}
		documented[r.reason] = true
	}
	// Every reason the code can give: the vocabulary, and the reasons its tables name.
	emitted := map[Reason]string{}
	for _, r := range Reasons() {
		emitted[r] = "the vocabulary (categories)"
	}
	for _, r := range builtin.rules {
		emitted[Reason(r.reason)] = "rules_builtin.txt"
	}
	for _, tables := range []map[string]Reason{reasonByCode, reasonByReplyCode, reasonByMTA} {
		for _, r := range tables {
			if r != "" { // an entry that gives no reason, so that a less specific one cannot either
				emitted[r] = "a code table of classify.go"
			}
		}
	}
	for r, where := range emitted {
		if !documented[r] {
			t.Errorf("%s (from %s) is missing from docs/reasons.md", r, where)
		}
	}
	for r := range documented {
		if _, ok := categories[r]; !ok {
			t.Errorf("docs/reasons.md lists %s, which rebound never gives", r)
		}
	}

	reply := regexp.MustCompile(`^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3}))?\b`)
	link := regexp.MustCompile(`^\[[^]]+\]\(\.\./(testdata/[^)]+)\)$`)
	for _, row := range rows {
		t.Run(string(row.reason), func(t *testing.T) {
			if want := categories[row.reason]; row.category != want {
				t.Errorf("category %q, want %q", row.category, want)
			}
			wantHard := map[string][2]bool{"yes": {true, true}, "no": {false, false}, "if permanent": {true, false}}
			hard, ok := wantHard[row.hard]
			if !ok {
				t.Fatalf("hard is %q: say yes, no or if permanent", row.hard)
			}
			if got := [2]bool{Judge(row.reason, "5.0.0", "550").Hard, Judge(row.reason, "4.0.0", "450").Hard}; got != hard {
				t.Errorf("hard %q, but Judge gives %v for a permanent and %v for a temporary failure", row.hard, got[0], got[1])
			}

			if m := link.FindStringSubmatch(row.example); m != nil {
				f, err := os.Open(filepath.Join("..", m[1]))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rep, err := Parse(f, nil)
				if err != nil {
					t.Fatalf("%s: %v", m[1], err)
				}
				var got []Reason
				for _, r := range rep.Recipients {
					got = append(got, r.Reason)
				}
				if !slices.Contains(got, row.reason) {
					t.Errorf("%s gives %v, not %s", m[1], got, row.reason)
				}
				return
			}
			example, _, ok := strings.Cut(strings.TrimPrefix(row.example, "`"), "`")
			if !ok || !strings.HasPrefix(row.example, "`") {
				t.Fatalf("example %q is neither a quoted reply nor a link to testdata/", row.example)
			}
			in := ClassifyInput{Action: "failed"}
			switch {
			case strings.HasPrefix(example, "x-unix; "):
				in.DiagnosticType, in.Diagnostic, in.Status = "x-unix", strings.TrimPrefix(example, "x-unix; "), "5.0.0"
			case strings.HasPrefix(example, "Status: "):
				in.Status = strings.TrimPrefix(example, "Status: ")
			default:
				m := reply.FindStringSubmatch(example)
				if m == nil {
					t.Fatalf("example %q does not start with a reply code", example)
				}
				in.DiagnosticType, in.Diagnostic, in.ReplyCode, in.Status = "smtp", example, m[1], m[2]
				if in.Status == "" {
					in.Status = m[1][:1]
				}
			}
			if got := Classify(in, nil); got.Reason != row.reason {
				t.Errorf("%q is classified as %s", example, got.Reason)
			}
		})
	}
}
