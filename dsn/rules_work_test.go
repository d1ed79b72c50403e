package dsn

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"testing"
)

// workTexts returns what the rules are matched against for each recipient of the fixtures and
// of the shared corpus (when it is there), as Classify makes it.
func workTexts(t testing.TB) []matchInput {
	var ins []matchInput
	files := append(readerFixtures(t), corpusPathsIfPresent()...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Parse(bytes.NewReader(data), nil)
		if err != nil {
			continue // the corpus's empty files
		}
		for _, r := range rep.Recipients {
			ins = append(ins, classifyMatchInput(ClassifyInput{
				Action: r.Action, Status: r.Status, ReplyCode: r.ReplyCode, Diagnostic: r.Diagnostic,
				Command: r.Command, MTA: rep.MTA, DiagnosticType: r.DiagnosticType, Recipient: r.Address,
				RemoteMTA: r.RemoteMTA,
			}))
		}
	}
	return ins
}

// Bounds of the built-in table's work per text (TestRuleMatchWork). Over the fixtures and the
// corpus, today: 19.8 rules read and 0.41 expressions run per text, no keyed rule read for more
// than 32% of the texts (three whose key's hash is that of a triple of "example."); before the
// index chose the rarest triples (before 9c7c8a9), 56.3 rules per text.
const (
	maxReadShare       = 0.40 // of the texts that a keyed rule is read for
	maxRulesReadByText = 24.0 // rules read per text, on average
	maxRegexpsByText   = 0.6  // expressions run per text, on average
)

// TestRuleMatchWork bounds what matching the built-in rules costs, in counts rather than time:
// a rule whose entry keys are in most texts (a phrase of common words, an expression whose
// required texts are all common) is read for most texts, and an expression that nothing rules
// out runs on every text. The figures are those of the diagnostics of the fixtures and of the
// corpus; a rule that passes them costs little, however many are added.
func TestRuleMatchWork(t *testing.T) {
	ins := workTexts(t)
	if len(ins) < 500 {
		t.Fatalf("only %d texts", len(ins))
	}
	n := len(builtin.rules)
	work := &matchWork{read: make([]int, n), regexps: make([]int, n)}
	for _, in := range ins {
		builtin.matchCounting(in, nil, work)
	}
	table := builtin.filterTable()
	read, regexps := 0, 0
	for i := range n {
		read += work.read[i]
		regexps += work.regexps[i]
		keyed := table.always[i>>6]&(1<<(i&63)) == 0
		if share := float64(work.read[i]) / float64(len(ins)); keyed && share > maxReadShare {
			r := &builtin.rules[i]
			t.Errorf("rule %d (%s%v %s) read for %.0f%% of the texts (at most %.0f%%): its entry keys are too common; use rarer words", i+1, r.phrase, r.re, r.reason, 100*share, 100*maxReadShare)
		}
		if r := &builtin.rules[i]; r.re != nil && !keyed && r.status == "" && r.cmd == "" && len(r.hosts) == 0 {
			t.Errorf("rule %d (%s %s): an expression without required texts or conditions runs on every text", i+1, r.re, r.reason)
		}
	}
	perText := func(v int) float64 { return float64(v) / float64(len(ins)) }
	t.Logf("%d texts: %.1f rules read and %.2f expressions run per text", len(ins), perText(read), perText(regexps))
	if perText(read) > maxRulesReadByText {
		t.Errorf("%.1f rules read per text, at most %.1f: %s", perText(read), maxRulesReadByText, mostRead(work.read, len(ins)))
	}
	if perText(regexps) > maxRegexpsByText {
		t.Errorf("%.2f expressions run per text, at most %.2f: %s", perText(regexps), maxRegexpsByText, mostRead(work.regexps, len(ins)))
	}
}

// mostRead names the five rules counted most often in counts.
func mostRead(counts []int, texts int) string {
	order := make([]int, len(counts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return counts[order[a]] > counts[order[b]] })
	var b bytes.Buffer
	for _, i := range order[:5] {
		r := &builtin.rules[i]
		fmt.Fprintf(&b, "rule %d (%s%v) %.0f%%; ", i+1, r.phrase, r.re, 100*float64(counts[i])/float64(texts))
	}
	return b.String()
}

// BenchmarkMatchRules matches the built-in rules against the texts of workTexts, one after the
// other: the matcher alone, as Classify runs it (ns/op is per text).
func BenchmarkMatchRules(b *testing.B) {
	ins := workTexts(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		builtin.match(ins[i%len(ins)])
	}
}
