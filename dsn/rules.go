package dsn

import (
	"bufio"
	_ "embed"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// rule is one line of a rules file: a phrase, a regular expression, a status code or a header of
// the bounce that gives a reason, with optional conditions on the status, the SMTP command and
// the host that answered.
type rule struct {
	reason string
	phrase string      // lower-case substring of the diagnostic
	re     *lazyRegexp // or a regular expression on the lower-case diagnostic
	hints  [][]string  // sets of texts: a match of re contains at least one text of each set
	header string      // or a header field of the bounce (lower-case name) ...
	value  string      // ... whose lower-case value contains this
	status string      // status code or prefix ("5.7.", "5.1.1") that must match
	cmd    string      // SMTP command that must have failed (RCPT, DATA, ...)
	hosts  []string    // domains: the recipient's domain or the remote MTA must be one or under one
	final  bool        // the reason stands as is: no refinement by the failed command
	keys   [3]uint16   // phraseKeys(phrase): the byte triples a text must have to contain it
}

// lazyRegexp is a rule's regular expression, compiled the first time a text passes the rule's
// cheaper tests: a process that classifies one bounce compiles a handful of the table's
// expressions, not all of them. The built-in ones are checked at build time (TestBuiltinTable);
// those of a --rules file are compiled when the file is read.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// String returns the expression as written.
func (l *lazyRegexp) String() string { return l.expr }

// MatchString compiles the expression if needed and runs it on s.
func (l *lazyRegexp) MatchString(s string) bool {
	l.once.Do(func() {
		if l.re == nil {
			l.re = regexp.MustCompile(l.expr)
		}
	})
	return l.re.MatchString(s)
}

// matchInput is what a rule is checked against.
type matchInput struct {
	text    string // lower-case diagnostic
	status  string
	command string
	hosts   []string            // recipient domain, remote MTA host name (lower case)
	header  func(string) string // the bounce's header fields; may be nil
}

// Rules are classification rules and parsing hints, in the order they are checked. The built-in
// table is a Rules read from rules_builtin.txt; the user's --rules file is another, checked first.
type Rules struct {
	rules             []rule
	statusPrefixes    []string
	recipientPrefixes []string

	table atomic.Pointer[ruleTable] // made from rules when first needed (see filterTable)
}

// ruleTable is what match needs to rule rules out without reading them whole.
type ruleTable struct {
	filters []ruleFilter
	hints   [][][]phraseKey // the keys of each rule's hints, in the shape of its hints
	runs    []runHints      // the required run of each rule's expression, found at first need

	// An index of the rules by entry key, a byte-triple key (tripleKey) that a text must have
	// for the rule to match it: a phrase rule's least frequent triple, and for an expression
	// with required texts, the least frequent triple of each text of one of its sets (see
	// index). A text makes candidates of the rules of the keys it has, and of the rules
	// without entry keys (always), instead of testing every rule's keys.
	always   []uint64              // bit i: rule i has no entry key
	keyed    tripleSet             // the keys that have rules
	keyStart [tripleKeys + 1]int32 // the rules of key k are byKey[keyStart[k]:keyStart[k+1]]
	byKey    []int32
}

// tripleKeys is the number of tripleKey values.
const tripleKeys = 4096

// phraseKey is the phraseKeys of a text, whether it is long enough to have them, and the
// offset of its least common byte (rareByteAt) for indexPhraseRare.
type phraseKey struct {
	keys [3]uint16
	ok   bool
	rare uint8
}

// ruleFilter is what match needs to rule a phrase rule out, in a compact table of its own: the
// rules are large, and a text rules most of them out on their phrase's triples alone, so that
// match reads one small entry per rule instead of the whole rule.
type ruleFilter struct {
	keys   [3]uint16 // the rule's phraseKeys
	more   [3]uint16 // the keys of three more of its phrase's triples (morePhraseKeys)
	phrase bool      // the rule has a phrase long enough to have keys
	rare   uint8     // the offset of the phrase's least common byte (rareOffset)
}

// filterTable returns the filters of the rules, in their order.
func (rs *Rules) filterTable() *ruleTable {
	if t := rs.table.Load(); t != nil && len(t.filters) == len(rs.rules) {
		return t
	}
	t := &ruleTable{filters: make([]ruleFilter, len(rs.rules)), hints: make([][][]phraseKey, len(rs.rules)), runs: make([]runHints, len(rs.rules))}
	for i := range rs.rules {
		r := &rs.rules[i]
		t.filters[i] = ruleFilter{keys: r.keys, more: morePhraseKeys(r.phrase), phrase: len(r.phrase) >= 3, rare: rareOffset(r.phrase)}
		if len(r.hints) == 0 {
			continue
		}
		t.hints[i] = make([][]phraseKey, len(r.hints))
		for j, set := range r.hints {
			t.hints[i][j] = make([]phraseKey, len(set))
			for k, h := range set {
				t.hints[i][j][k] = phraseKey{keys: phraseKeys(h), ok: len(h) >= 3, rare: rareOffset(h)}
			}
		}
	}
	t.index(rs.rules)
	rs.table.Store(t)
	return t
}

// index fills the table's index of the rules by entry key (see ruleTable). A pipe builds it once
// per process, so it keeps its scratch small: one counter per key, and the rules' entry keys in
// one slice.
//
// Any triple of a phrase, or of each text of one of an expression's sets, would do as entry
// keys; the fewer texts have them, the fewer rules a text makes candidates of. The entry keys
// are the triples least frequent among the rules' own texts (keyFrequency), the words of
// diagnostics: the "han" of "hang", not the "use" of "user"; for an expression, of the set whose
// entry keys are the least frequent in all.
func (t *ruleTable) index(rules []rule) {
	counts := keyFrequency(rules)
	// The entry keys of rule i are keys[start[i]:start[i+1]].
	start := make([]int32, len(rules)+1)
	keys := make([]uint16, 0, len(rules)+len(rules)/4)
	for i := range rules {
		switch {
		case t.filters[i].phrase:
			keys = append(keys, rarestKey(rules[i].phrase, counts))
		case rules[i].re != nil && len(t.hints[i]) > 0:
			// A match contains one text of each set: the rarest key of each text of a set is
			// an entry key, when they all have keys (requiredTexts keeps no shorter text).
			best, bestCost := -1, 0
			for j, set := range rules[i].hints {
				cost := 0
				for _, h := range set {
					if len(h) < 3 {
						cost = -1
						break
					}
					cost += int(counts[rarestKey(h, counts)])
				}
				if cost >= 0 && (best < 0 || cost < bestCost) {
					best, bestCost = j, cost
				}
			}
			if best < 0 {
				break
			}
			n := len(keys)
			for _, h := range rules[i].hints[best] {
				if k := rarestKey(h, counts); !slices.Contains(keys[n:], k) {
					keys = append(keys, k)
				}
			}
		}
		start[i+1] = int32(len(keys))
	}
	t.always = make([]uint64, (len(rules)+63)/64)
	clear(counts) // now: how many entries each key has
	for i := range rules {
		if start[i] == start[i+1] {
			t.always[i>>6] |= 1 << (i & 63)
		}
	}
	for _, k := range keys {
		counts[k]++
	}
	for k := range tripleKeys {
		t.keyStart[k+1] = t.keyStart[k] + counts[k]
		if counts[k] > 0 {
			t.keyed[k>>6] |= 1 << (k & 63)
		}
	}
	t.byKey = make([]int32, t.keyStart[tripleKeys])
	clear(counts) // now: how many of each key's rules are in place
	for i := range rules {
		for _, k := range keys[start[i]:start[i+1]] {
			t.byKey[t.keyStart[k]+counts[k]] = int32(i)
			counts[k]++
		}
	}
}

// keyFrequency returns, for each triple key, how many of the rules' texts (their phrases and
// the texts their expressions require) have it: how common the triple is in the words the
// rules are about.
func keyFrequency(rules []rule) []int32 {
	counts := make([]int32, tripleKeys)
	var seen tripleSet
	count := func(text string) {
		seen = tripleSet{}
		seen.add(text)
		for w, word := range seen {
			for word != 0 {
				counts[w<<6|bits.TrailingZeros64(word)]++
				word &= word - 1
			}
		}
	}
	for i := range rules {
		count(rules[i].phrase)
		for _, set := range rules[i].hints {
			for _, h := range set {
				count(h)
			}
		}
	}
	return counts
}

// rarestKey returns the key of the triple of s (at least 3 bytes long) least frequent by counts,
// the first of them on a tie.
func rarestKey(s string, counts []int32) uint16 {
	best := tripleKey(s[0], s[1], s[2])
	for i := 1; i+3 <= len(s); i++ {
		if k := tripleKey(s[i], s[i+1], s[i+2]); counts[k] < counts[best] {
			best = k
		}
	}
	return uint16(best)
}

// StatusPrefixes are extra markers of the line that holds the status in odd bounces.
func (rs *Rules) StatusPrefixes() []string { return rs.statusPrefixes }

// RecipientPrefixes are extra markers of the line that names the failed recipient.
func (rs *Rules) RecipientPrefixes() []string { return rs.recipientPrefixes }

// match returns the reason of the first rule that matches, and whether it is final.
func (rs *Rules) match(in matchInput) (string, bool) { return rs.matchAmong(in, nil) }

// matchAmong is match over the rules of among, a set of rule indexes (bit i: rule i; nil: every
// rule): the first of them that matches, as if the others were not in the table.
func (rs *Rules) matchAmong(in matchInput, among []uint64) (string, bool) {
	return rs.matchCounting(in, among, nil)
}

// matchWork counts, by rule, the work of matching texts: the texts for which matchesAt read
// the rule (its phrase's triples, its conditions, ...) and those its expression ran on. The
// tests hold the table to bounds of it (TestRuleMatchWork), so that a rule whose entry keys are
// in most texts, or an expression without required texts, does not slip in.
type matchWork struct {
	read    []int
	regexps []int
}

// matchCounting is matchAmong, counting its work in work (nil: not counted).
func (rs *Rules) matchCounting(in matchInput, among []uint64, work *matchWork) (string, bool) {
	// Most phrases are absent from a given text: a set of the text's byte triples rules them out
	// before a substring search.
	var set tripleSet
	var triples *tripleSet
	if len(rs.rules) > 32 { // a text too short for a triple has none: only the rules without keys are read
		set.add(in.text)
		triples = &set
	}
	table := rs.filterTable()
	if triples == nil {
		for i := range table.filters {
			if among != nil && among[i>>6]&(1<<(i&63)) == 0 {
				continue
			}
			if rs.matchesAt(i, in, table, nil, work) {
				return rs.rules[i].reason, rs.rules[i].final
			}
		}
		return "", false
	}
	// The rules that the text's triples may let through, by the index of their entry keys:
	// the others are not read at all. They are then read in order, as above.
	var small [32]uint64
	candidates := small[:0]
	if n := len(table.always); n <= len(small) {
		candidates = small[:n]
	} else {
		candidates = make([]uint64, n)
	}
	copy(candidates, table.always)
	for w, word := range triples {
		word &= table.keyed[w]
		for word != 0 {
			k := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			for _, i := range table.byKey[table.keyStart[k]:table.keyStart[k+1]] {
				candidates[i>>6] |= 1 << (i & 63)
			}
		}
	}
	for w, word := range candidates {
		if among != nil {
			word &= among[w]
		}
		for word != 0 {
			i := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			if rs.matchesAt(i, in, table, triples, work) {
				return rs.rules[i].reason, rs.rules[i].final
			}
		}
	}
	return "", false
}

// matchesAt tells whether rule i matches in, its filters first: the triples of its phrase or
// of the texts its expression needs (triples nil: unknown), its conditions, then the rule.
func (rs *Rules) matchesAt(i int, in matchInput, table *ruleTable, triples *tripleSet, work *matchWork) bool {
	if work != nil {
		work.read[i]++
	}
	if f := &table.filters[i]; triples != nil && f.phrase && (!triples.hasAll(f.keys) || !triples.hasAll(f.more)) {
		return false
	}
	r := &rs.rules[i]
	if !r.conditionsHold(in) {
		return false
	}
	if r.re != nil && (!containsEachKeyedSet(in.text, r.hints, table.hints[i], triples) ||
		!containsRun(in.text, table.runs[i].get(r.re.expr), triples)) {
		return false // a text the expression needs is missing
	}
	if r.phrase != "" {
		return indexPhraseRare(in.text, r.phrase, int(table.filters[i].rare)) >= 0
	}
	if work != nil && r.re != nil {
		work.regexps[i]++
	}
	return r.matches(in)
}

// conditionsHold tells whether the rule's conditions on the status, the command and the hosts
// hold for in.
func (r *rule) conditionsHold(in matchInput) bool {
	return (r.status == "" || strings.HasPrefix(in.status, r.status)) &&
		(r.cmd == "" || r.cmd == in.command) &&
		(len(r.hosts) == 0 || hostIn(in.hosts, r.hosts))
}

// matches tells whether the rule's phrase, expression or header is in in (its conditions aside).
func (r *rule) matches(in matchInput) bool {
	switch {
	case r.phrase != "":
		return containsPhrase(in.text, r.phrase)
	case r.re != nil:
		return r.re.MatchString(in.text)
	case r.header != "":
		return in.header != nil && strings.Contains(foldCase(in.header(r.header)), r.value)
	}
	return true // a status rule
}

// tripleSet is a set of the byte triples of a text, hashed to 12 bits: a triple absent from it is
// absent from the text it was made of.
type tripleSet [64]uint64

func tripleKey(a, b, c byte) uint {
	return tripleWordKey(uint32(a)<<16 | uint32(b)<<8 | uint32(c))
}

// tripleWordKey is tripleKey of the three bytes in the low 24 bits of w (the first in bits 16
// to 23): one multiplication, whose top 12 bits are the key (Fibonacci hashing).
func tripleWordKey(w uint32) uint {
	return uint((w & 0xffffff) * 0x9E3779B1 >> 20)
}

// triplesOf returns the set of byte triples of text.
func triplesOf(text string) *tripleSet {
	triples := &tripleSet{}
	triples.add(text)
	return triples
}

// add adds the byte triples of text to the set.
func (t *tripleSet) add(text string) {
	if len(text) < 3 {
		return
	}
	w := uint32(text[0])<<8 | uint32(text[1]) // the last bytes read, carried from one triple to the next
	for _, c := range []byte(text[2:]) {
		w = w<<8 | uint32(c)
		k := tripleWordKey(w)
		t[k>>6] |= 1 << (k & 63)
	}
}

// phraseKeys returns the keys of three byte triples of s (its start, middle and end) that a text
// containing s must have.
func phraseKeys(s string) (keys [3]uint16) {
	if len(s) < 3 {
		return keys
	}
	for i, at := range [3]int{0, len(s)/2 - 1, len(s) - 3} {
		at = max(at, 0)
		keys[i] = uint16(tripleKey(s[at], s[at+1], s[at+2]))
	}
	return keys
}

// morePhraseKeys returns the keys of three more byte triples of s (about a quarter, a third and
// three quarters in) than phraseKeys: a text has the three of phraseKeys of a long phrase more
// often than the phrase (they are common triples: "the", "ing"), and the six far less often.
func morePhraseKeys(s string) (keys [3]uint16) {
	if len(s) < 3 {
		return keys
	}
	for i, at := range [3]int{len(s) / 4, len(s) / 3, 3 * len(s) / 4} {
		at = min(at, len(s)-3)
		keys[i] = uint16(tripleKey(s[at], s[at+1], s[at+2]))
	}
	return keys
}

// hasAll tells whether the set has the three keys.
func (t *tripleSet) hasAll(keys [3]uint16) bool {
	return t[keys[0]>>6]&(1<<(keys[0]&63)) != 0 && t[keys[1]>>6]&(1<<(keys[1]&63)) != 0 &&
		t[keys[2]>>6]&(1<<(keys[2]&63)) != 0
}

// mayContain tells whether a text whose byte triples are in triples (nil: unknown) may contain s.
func mayContain(triples *tripleSet, s string) bool {
	return triples == nil || len(s) < 3 || triples.hasAll(phraseKeys(s))
}

// containsEachSet tells whether text contains one text of each set; no sets means it may match.
func containsEachSet(text string, sets [][]string, triples *tripleSet) bool {
	for _, set := range sets {
		if !containsOneOf(text, set, triples) {
			return false
		}
	}
	return true
}

// containsEachKeyedSet is containsEachSet with the phraseKeys of the texts of the sets made
// beforehand (keys, in the shape of sets).
func containsEachKeyedSet(text string, sets [][]string, keys [][]phraseKey, triples *tripleSet) bool {
	if triples != nil {
		// Every set must have a text whose triples the text has, before any search.
		for _, set := range keys {
			if !anyMayBeIn(set, triples) {
				return false
			}
		}
	}
	for i, set := range sets {
		found := false
		for j, h := range set {
			if k := keys[i][j]; (triples == nil || !k.ok || triples.hasAll(k.keys)) && indexPhraseRare(text, h, int(k.rare)) >= 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// anyMayBeIn tells whether a text whose triples are triples may contain one of the texts whose
// keys are set.
func anyMayBeIn(set []phraseKey, triples *tripleSet) bool {
	for _, k := range set {
		if !k.ok || triples.hasAll(k.keys) {
			return true
		}
	}
	return false
}

// containsOneOf tells whether text contains one of hints.
func containsOneOf(text string, hints []string, triples *tripleSet) bool {
	for _, h := range hints {
		if mayContain(triples, h) && containsPhrase(text, h) {
			return true
		}
	}
	return false
}

// requiredTexts returns sets of texts such that any match of the regular expression contains
// at least one text of every set, so that plain substring searches can rule the expression out
// before running it; nil when no such texts are known (the expression must always run).
func requiredTexts(expr string) [][]string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	// Short texts rule nothing out; the rarest (longest) texts are searched first.
	var sets [][]string
	for _, set := range requiredSets(re.Simplify()) {
		if shortestLen(set) >= 3 {
			sets = append(sets, set)
		}
	}
	sort.SliceStable(sets, func(i, j int) bool { return shortestLen(sets[i]) > shortestLen(sets[j]) })
	return sets
}

func shortestLen(texts []string) int {
	n := len(texts[0])
	for _, t := range texts {
		n = min(n, len(t))
	}
	return n
}

// requiredSets returns the sets of texts that every match of re contains one of: one set for
// each part of a concatenation that requires a text.
func requiredSets(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpConcat:
		var sets [][]string
		for _, sub := range re.Sub {
			sets = append(sets, requiredSets(sub)...)
		}
		return sets
	case syntax.OpCapture, syntax.OpPlus:
		return requiredSets(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredSets(re.Sub[0])
		}
		return nil
	}
	if lits := literalsOf(re); lits != nil {
		return [][]string{lits}
	}
	return nil
}

func literalsOf(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return literalsOf(re.Sub[0])
	case syntax.OpPlus:
		return literalsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literalsOf(re.Sub[0])
		}
	case syntax.OpConcat:
		// The sub-expression with the rarest required text: here, the longest shortest one.
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			lits := literalsOf(sub)
			if lits == nil {
				continue
			}
			shortest := len(lits[0])
			for _, l := range lits {
				shortest = min(shortest, len(l))
			}
			if shortest > bestLen {
				best, bestLen = lits, shortest
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			lits := literalsOf(sub)
			if lits == nil {
				return nil
			}
			all = append(all, lits...)
		}
		return all
	}
	return nil
}

// hostIn tells whether one of hosts is one of domains or a name under one.
func hostIn(hosts, domains []string) bool {
	for _, h := range hosts {
		for _, d := range domains {
			if h == d || strings.HasSuffix(h, "."+d) {
				return true
			}
		}
	}
	return false
}

// giving returns the set of the rules that give one of reasons, for matchAmong.
func (rs *Rules) giving(reasons map[string]bool) []uint64 {
	set := make([]uint64, (len(rs.rules)+63)/64)
	for i := range rs.rules {
		if reasons[rs.rules[i].reason] {
			set[i>>6] |= 1 << (i & 63)
		}
	}
	return set
}

//go:generate go test -run ^TestBuiltinTable$ -update-table .

//go:embed rules_builtin.txt
var builtinRules string

// builtin is the built-in table: the Go table generated from rules_builtin.txt
// (rules_builtin_gen.go, static data that costs nothing at start-up), or, should the text have
// changed since the table was generated, the text read at start-up. TestBuiltinTable fails while
// they differ; `go generate ./dsn` regenerates the table.
var builtin = builtinTable()

func builtinTable() *Rules {
	// The checksum reads the embedded text in place: a []byte conversion would copy its 75 kB to
	// the heap at every start.
	if crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(builtinRules), len(builtinRules))) == generatedBuiltinSum {
		// The filters and index were generated with the rules; the required runs of their
		// expressions are found when first needed.
		generatedBuiltinTable.runs = make([]runHints, len(generatedBuiltin.rules))
		generatedBuiltin.table.Store(&generatedBuiltinTable)
		return &generatedBuiltin
	}
	return mustLoadRules(builtinRules)
}

func mustLoadRules(s string) *Rules {
	rs, err := LoadRules(strings.NewReader(s))
	if err != nil {
		panic("dsn: built-in rules: " + err.Error())
	}
	return rs
}

// LoadRules reads a rules file. Each line is one rule; blank lines and lines starting with #
// are ignored:
//
//	phrase "mailbox is disabled"  suspend             # substring of the diagnostic, any case
//	phrase "access denied"        blocked  status=5.7. # ... only with a status starting 5.7.
//	regexp "quota.*exceeded"      mailboxfull         # RE2 syntax, on the lower-case diagnostic (any case in LoadUserRules)
//	status 5.7.1                  policyviolation     # a status code or prefix ("5.7.")
//	header "X-SPASIGN" "NG"       filtered            # a header field of the bounce contains a value
//	status-prefix "Statut :"                          # marks the status line in odd bounces
//	recipient-prefix "Destinataire :"                 # marks the recipient line in odd bounces
//
// After the reason, a rule may set conditions and flags, in any order:
//
//	status=PREFIX        the status code starts with PREFIX
//	command=DATA         the SMTP command that failed (CONN, HELO, MAIL, RCPT, DATA, ...)
//	host=example.net,... the recipient's domain or the remote MTA is one of these or under one
//	final                the reason stands: an unknown user refused after DATA stays unknown
//
// Reasons must come from the vocabulary (see Reasons).
func LoadRules(r io.Reader) (*Rules, error) { return loadRules(r, false) }

// LoadUserRules reads a user's rules file (--rules) as LoadRules does, except that its regular
// expressions match in any case: rules run on the lower-case diagnostic, so that a capital
// letter written in one ("Quota exceeded") would otherwise never match.
func LoadUserRules(r io.Reader) (*Rules, error) { return loadRules(r, true) }

func loadRules(r io.Reader, anyCase bool) (*Rules, error) {
	rs := &Rules{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		fields, err := splitRuleLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(fields) == 0 {
			continue
		}
		if err := rs.add(fields, anyCase); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading rules: %w", err)
	}
	return rs, nil
}

func (rs *Rules) add(f []string, anyCase bool) error {
	kind := f[0]
	switch kind {
	case "status-prefix", "recipient-prefix":
		if len(f) != 2 || f[1] == "" {
			return fmt.Errorf("%s takes one quoted text", kind)
		}
		if kind == "status-prefix" {
			rs.statusPrefixes = append(rs.statusPrefixes, f[1])
		} else {
			rs.recipientPrefixes = append(rs.recipientPrefixes, f[1])
		}
		return nil
	case "phrase", "regexp", "status", "header":
	default:
		return fmt.Errorf("unknown rule kind %q (want phrase, regexp, status, header, status-prefix or recipient-prefix)", kind)
	}
	var r rule
	args := 2 // kind, pattern
	if kind == "header" {
		args = 3 // kind, name, value
	}
	if len(f) < args+1 {
		if kind == "header" {
			return fmt.Errorf("header rule wants: header NAME VALUE REASON [conditions]")
		}
		return fmt.Errorf("%s rule wants: %s PATTERN REASON [conditions]", kind, kind)
	}
	r.reason = f[args]
	if _, ok := categories[Reason(r.reason)]; !ok {
		return fmt.Errorf("unknown reason %q", r.reason)
	}
	switch kind {
	case "phrase":
		r.phrase = toLower(f[1])
		if r.phrase == "" {
			return fmt.Errorf("empty phrase")
		}
	case "regexp":
		expr := f[1]
		if anyCase {
			expr = "(?i)" + expr
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return fmt.Errorf("regexp %q: %w", f[1], err)
		}
		r.re = &lazyRegexp{expr: expr, re: re}
		r.hints = requiredTexts(expr)
	case "status":
		if !validStatusPrefix(f[1]) {
			return fmt.Errorf("bad status code %q", f[1])
		}
		r.status = f[1]
	case "header":
		r.header, r.value = toLower(f[1]), toLower(f[2])
		if r.header == "" || r.value == "" {
			return fmt.Errorf("header rule wants a field name and a value")
		}
	}
	for _, q := range f[args+1:] {
		if err := r.qualify(q, kind); err != nil {
			return err
		}
	}
	r.keys = phraseKeys(r.phrase)
	rs.rules = append(rs.rules, r)
	return nil
}

// qualify applies one condition or flag written after a rule's reason.
func (r *rule) qualify(q, kind string) error {
	name, value, _ := strings.Cut(q, "=")
	switch {
	case name == "final" && value == "":
		r.final = true
	case name == "status" && kind != "status":
		if !validStatusPrefix(value) {
			return fmt.Errorf("bad status code %q", value)
		}
		r.status = value
	case name == "command" && value != "":
		r.cmd = strings.ToUpper(value)
	case name == "host" && value != "":
		for _, h := range strings.Split(value, ",") {
			if h = strings.Trim(toLower(strings.TrimSpace(h)), "."); h != "" {
				r.hosts = append(r.hosts, h)
			}
		}
	default:
		return fmt.Errorf("unexpected %q (want status=PREFIX, command=NAME, host=DOMAIN,... or final)", q)
	}
	return nil
}

// validStatusPrefix accepts "5", "5.", "5.7.", "5.7.1" and the like.
func validStatusPrefix(s string) bool {
	if s == "" || s[0] != '2' && s[0] != '4' && s[0] != '5' {
		return false
	}
	for _, c := range s {
		if c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return !strings.Contains(s, "..")
}

// splitRuleLine splits a line into fields: bare words and double-quoted texts; a # outside
// quotes starts a comment. Inside quotes, \" is a quote and every other backslash is kept as
// written, so that regular expressions read as in Go's raw strings: "\bfoo\d+".
func splitRuleLine(line string) ([]string, error) {
	var out []string
	for {
		line = strings.TrimLeft(line, " \t")
		if line == "" || line[0] == '#' {
			return out, nil
		}
		if line[0] == '"' {
			var b strings.Builder
			i := 1
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && line[i+1] == '"' {
					i++
				}
				b.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unterminated quoted text: %s", line)
			}
			out = append(out, b.String())
			line = line[i+1:]
			continue
		}
		end := strings.IndexAny(line, " \t")
		if end < 0 {
			end = len(line)
		}
		out = append(out, line[:end])
		line = line[end:]
	}
}
