package dsn

import (
	"regexp/syntax"
	"sync/atomic"
)

// Limits of the exact texts of a regular expression (see exactTexts).
const (
	maxExactTexts   = 16 // texts in a set: more rule little out and cost a search each
	maxExactTextLen = 32
)

// exactTexts returns the texts that the expression matches when there are few of them (no
// more than maxExactTexts, each no longer than maxExactTextLen), nil otherwise: "(?:bl|es)"
// gives bl and es, "[01]" gives 0 and 1, `\b` gives the empty text.
func exactTexts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(string(re.Rune)) > maxExactTextLen {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxExactTexts {
					return nil
				}
				out = append(out, string(r))
			}
		}
		return out
	case syntax.OpCapture:
		return exactTexts(re.Sub[0])
	case syntax.OpQuest:
		sub := exactTexts(re.Sub[0])
		if sub == nil || len(sub) == maxExactTexts {
			return nil
		}
		return append([]string{""}, sub...)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			texts := exactTexts(sub)
			if texts == nil || len(out)+len(texts) > maxExactTexts {
				return nil
			}
			out = append(out, texts...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			if out = crossTexts(out, exactTexts(sub)); out == nil {
				return nil
			}
		}
		return out
	}
	return nil
}

// crossTexts returns every text of a followed by a text of b, nil when b is nil or they are
// too many or too long.
func crossTexts(a, b []string) []string { return crossTextsUpTo(a, b, maxExactTexts) }

// crossTextsUpTo is crossTexts with at most limit texts.
func crossTextsUpTo(a, b []string, limit int) []string {
	if b == nil || len(a)*len(b) > limit {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			if len(x)+len(y) > maxExactTextLen {
				return nil
			}
			out = append(out, x+y)
		}
	}
	return out
}

// requiredRun returns texts such that every match of the expression contains one of them: the
// cross product of the longest run of consecutive parts of its top-level concatenation that
// have exact texts ("(?:bl|es)000[01]" gives bl0000, bl0001, es0000, es0001); nil when no run
// gives texts of at least 3 bytes.
func requiredRun(re *syntax.Regexp) []string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	var best []string
	bestLen := 2 // shorter texts rule nothing out
	for start := range parts {
		run := []string{""}
		for _, sub := range parts[start:] {
			next := crossTextsUpTo(run, exactTexts(sub), maxRunTexts)
			if next == nil {
				break
			}
			run = next
			// A run of more than maxExactTexts texts costs more searches: it is worth them
			// when its texts are two bytes longer at least ("no from" rather than "from:"),
			// not for one more digit ("con:b0" to "con:b9" rather than "con:b").
			if n := shortest(run); n > bestLen && (len(run) <= maxExactTexts || n >= bestLen+2) {
				best, bestLen = run, n
			}
		}
	}
	return best
}

// maxRunTexts is the most texts a required run may spell (see requiredRun).
const maxRunTexts = 48

func shortest(texts []string) int {
	n := len(texts[0])
	for _, t := range texts[1:] {
		n = min(n, len(t))
	}
	return n
}

// runHints are the required runs of the rules' expressions (see requiredRun), found the first
// time a text passes a rule's other tests: a process that classifies one bounce analyses a
// handful of expressions, not the table's.
type runHints struct {
	texts atomic.Pointer[[]string] // nil until analysed; an empty slice when there are none
}

// get returns the required run of expr, analysing it on first use.
func (h *runHints) get(expr string) []string {
	if p := h.texts.Load(); p != nil {
		return *p
	}
	var texts []string
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		texts = requiredRun(re.Simplify())
	}
	if texts == nil {
		texts = []string{}
	}
	h.texts.Store(&texts)
	return texts
}

// containsRun tells whether text contains one of the required run's texts, or the run is empty
// (nothing known). triples are those of text (nil: unknown).
func containsRun(text string, run []string, triples *tripleSet) bool {
	if len(run) == 0 {
		return true
	}
	for _, t := range run {
		if mayContain(triples, t) && containsPhrase(text, t) {
			return true
		}
	}
	return false
}
