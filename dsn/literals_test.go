package dsn

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"testing"
)

// TestRequiredRun checks the texts found required by an expression on examples.
func TestRequiredRun(t *testing.T) {
	for expr, want := range map[string][]string{
		`\b(?:bl|es)000[01]\b`:                {"bl0000", "bl0001", "es0000", "es0001"},
		`\b(?:rly|con):b[0-9]\b`:              {"rly:b", "con:b"}, // with the ten digits, too many texts
		`(?:is )?unknown`:                     {"is unknown", "unknown"},
		`mailbox (?:is )?full`:                {"mailbox full", "mailbox is full"},
		`quota.*exceeded`:                     {"exceeded"},
		`x+`:                                  nil,
		`(?i)user unknown`:                    nil,
		`[0-9]{3}:? *: *user unknown`:         {"user unknown"},
		`(account|mailbox) (is|has been) off`: {"account is off", "account has been off", "mailbox is off", "mailbox has been off"},
		// 36 texts of 7 bytes and more rather than the 9 of (?:date|from|orig-date)(?::| header| field),
		// whose "from:" nearly every bounce has.
		`(?:missing|no|without) (?:a |the |required )?(?:date|from|orig-date)(?::| header| field)`: func() (texts []string) {
			for _, a := range []string{"missing ", "no ", "without "} {
				for _, b := range []string{"", "a ", "the ", "required "} {
					for _, c := range []string{"date", "from", "orig-date"} {
						texts = append(texts, a+b+c)
					}
				}
			}
			return texts
		}(),
	} {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredRun(re.Simplify())
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("requiredRun(%s) = %q, want %q", expr, got, want)
		}
	}
}

// TestRequiredRunIsRequired checks that every text that a built-in expression matches, among the
// paragraphs and lines of the fixtures and the rules' own phrases, contains one of its required
// run's texts: the run only ever rules out texts the expression would not match.
func TestRequiredRunIsRequired(t *testing.T) {
	texts := fixtureTexts(t, "\n")
	for _, r := range builtin.rules {
		if r.phrase != "" {
			texts = append(texts, r.phrase)
		}
	}
	for _, r := range builtin.rules {
		if r.re == nil {
			continue
		}
		re := regexp.MustCompile(r.re.expr)
		var h runHints
		run := h.get(r.re.expr)
		for _, text := range texts {
			if re.MatchString(text) && !containsRun(text, run, triplesOf(text)) {
				t.Errorf("%s matches %.100q, which has none of %q", r.re.expr, text, run)
			}
		}
	}
}
